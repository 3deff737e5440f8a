package dev.supervisor4j.daemon.spawn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Run as PID 1 of a new pid namespace by {@link ChildReaperTest}: starts the spawner without a
 * subreaper, orphans a grandchild, and prints what the reaper reported for it.
 */
public final class Pid1ReaperMain {
  private Pid1ReaperMain() {}

  public static void main(String[] args) throws Exception {
    if (ProcessHandle.current().pid() != 1) {
      System.out.println("NOT PID 1: " + ProcessHandle.current().pid());
      System.exit(2);
    }
    LinkedBlockingQueue<UnknownPidReaped> unknown = new LinkedBlockingQueue<>();
    OsProcessSpawner spawner = OsProcessSpawner.start(unknown::add);
    RunningChild child = spawner.spawn(new SpawnRequest("/bin/sh",
        List.of("sh", "-c", ChildReaperTest.ORPHAN_SCRIPT), Map.of(), null, null, null, true, "pid1"));
    String grandchild = new String(child.stdout().readAllBytes()).strip();
    ExitStatus exit = child.onExit().toCompletableFuture().get(10, TimeUnit.SECONDS);
    UnknownPidReaped reaped = unknown.poll(10, TimeUnit.SECONDS);
    boolean gone = reaped != null && !Files.exists(Path.of("/proc/" + reaped.pid()));
    System.out.println("child " + exit.describe() + "; grandchild " + grandchild + "; "
        + (reaped == null ? "nothing reaped" : reaped.logMessage()) + "; gone=" + gone);
    System.exit(0);
  }
}
