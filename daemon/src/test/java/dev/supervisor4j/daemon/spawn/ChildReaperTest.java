package dev.supervisor4j.daemon.spawn;

import static dev.supervisor4j.daemon.spawn.TestSpawner.awaitExit;
import static dev.supervisor4j.daemon.spawn.TestSpawner.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Orphans reparented to us are reaped and reported, as subreaper and as PID 1. */
@Tag("os")
class ChildReaperTest {
  /**
   * Leaves a grandchild that exits 7 once our stdin pipe closes, which the spawner does when it
   * reaps the shell: so the grandchild is always an orphan by the time it exits, with no timing.
   */
  static final String ORPHAN_SCRIPT =
      "exec 3<&0; (cat <&3 >/dev/null; exit 7) >/dev/null 2>&1 & echo $!";

  @Test
  void subreaperCollectsAnOrphanedGrandchildAsAnUnknownPid() throws Exception {
    Subreaper.enable();
    assertTrue(Subreaper.isEnabled());
    RunningChild child = TestSpawner.get().spawn(TestSpawner.sh(ORPHAN_SCRIPT));
    long grandchild = Long.parseLong(
        new BufferedReader(new InputStreamReader(child.stdout())).readLine());
    assertEquals(ExitStatus.exited(0), awaitExit(child));
    UnknownPidReaped reaped = TestSpawner.awaitUnknown(grandchild);
    assertEquals(ExitStatus.exited(7), reaped.status());
    assertEquals("reaped unknown pid " + grandchild + " (exit status 7)", reaped.logMessage());
    assertFalse(Files.exists(Path.of("/proc/" + grandchild)), "no zombie left");
    child.stdout().close();
    child.stderr().close();
  }

  @Test
  void asPid1TheDaemonReapsOrphansWithoutASubreaper() throws Exception {
    var probe = run(TestSpawner.request(
        List.of("/usr/bin/unshare", "--pid", "--fork", "--mount-proc", "/bin/true")));
    assumeTrue(probe.exit().equals(ExitStatus.exited(0)),
        "unshare --pid --fork --mount-proc unavailable: " + probe.stderr().strip());
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> argv = new ArrayList<>(List.of("/usr/bin/unshare", "--pid", "--fork",
        "--mount-proc", System.getProperty("java.home") + "/bin/java",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-XX:-UsePerfData",
        "-cp", classpath, Pid1ReaperMain.class.getName()));
    var result = run(TestSpawner.request(argv));
    assertEquals(ExitStatus.exited(0), result.exit(), result.stdout() + result.stderr());
    var expected = Pattern.compile("child exit status 0; grandchild (\\d+); "
        + "reaped unknown pid (\\d+) \\(exit status 7\\); gone=true");
    var m = expected.matcher(result.stdout().strip());
    assertTrue(m.matches(), result.stdout() + result.stderr());
    assertEquals(m.group(1), m.group(2));
  }
}
