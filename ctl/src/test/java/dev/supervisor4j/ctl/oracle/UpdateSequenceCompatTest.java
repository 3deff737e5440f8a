package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One scripted run of config edits, applied to Supervisor 4.2.5 and to ours side by side: after
 * each {@code reread} and {@code update} the output (Python's supervisorctl against Supervisor, ours
 * against ours) and the set of processes and states must be the same. Underneath, ours restarts
 * only what changed: the pids of unchanged processes survive an update of their group, where
 * Supervisor's change.
 */
@Tag("compat")
class UpdateSequenceCompatTest {
  private static final String START = ""
      + "[include]\nfiles = conf.d/*.conf\n\n"
      + "[program:web]\ncommand=/bin/sleep 1001\nstartsecs=0\nstopwaitsecs=2\n\n"
      + "[program:worker]\ncommand=/bin/sleep 1002\nnumprocs=2\nprocess_name=%(program_name)s_%(process_num)02d\n"
      + "startsecs=0\nstopwaitsecs=2\n\n"
      + "[program:old]\ncommand=/bin/sleep 1003\nstartsecs=0\nstopwaitsecs=2\n\n";
  private static final String EXTRA = "[program:extra]\ncommand=/bin/sleep 1004\nstartsecs=0\nstopwaitsecs=2\n";
  private static final String GROUP = ""
      + "[group:grp]\nprograms=ga,gb\n\n"
      + "[program:ga]\ncommand=/bin/sleep 1005\nstartsecs=0\nstopwaitsecs=2\n\n"
      + "[program:gb]\ncommand=/bin/sleep 1006\nstartsecs=0\nstopwaitsecs=2\n\n";
  private static final Pattern RUNNING_PID = Pattern.compile("(?m)^(\\S+)\\s+RUNNING\\s+pid (\\d+),");

  @TempDir Path realDir;
  @TempDir Path oursDir;
  private RealSupervisord real;
  private RealSupervisord ours;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    Files.createDirectories(realDir.resolve("conf.d"));
    Files.createDirectories(oursDir.resolve("conf.d"));
    real = RealSupervisord.startWith(realDir, START);
    ours = RealSupervisord.startOursWith(oursDir, START);
    Assumptions.assumeTrue(ours != null, "the daemon jar is not built (run the whole reactor: mvn verify)");
  }

  @AfterEach
  void stop() throws Exception {
    if (ours != null) {
      ours.close();
    }
    if (real != null) {
      real.close();
    }
  }

  @Test
  void scriptedEditsGiveSupervisorsOutputAndStatesAndKeepUnchangedPids() throws Exception {
    sameStates();

    // 1. a program file appears under [include]
    for (RealSupervisord d : both()) {
      Files.writeString(d.dir.resolve("conf.d/extra.conf"), EXTRA);
    }
    step("reread", "extra: available\n");
    step("update", "extra: added process group\n");
    sameStates();

    // 2. one program's command changes
    Map<String, Long> before = runningPids(ours);
    edit(s -> s.replace("/bin/sleep 1001", "/bin/sleep 1011"));
    step("reread", "web: changed\n");
    step("update", "web: stopped\nweb: updated process group\n");
    sameStates();
    Map<String, Long> after = runningPids(ours);
    assertNotEquals(before.get("web"), after.get("web"), "web's command changed: a new process");
    assertEquals(before.get("extra"), after.get("extra"), "other groups are untouched");

    // 3. a group's numprocs goes from 2 to 3: the two running instances keep their pids
    before = after;
    edit(s -> s.replace("numprocs=2", "numprocs=3"));
    step("reread", "worker: changed\n");
    step("update", "worker: stopped\nworker: updated process group\n");
    sameStates();
    after = runningPids(ours);
    assertEquals(before.get("worker:worker_00"), after.get("worker:worker_00"));
    assertEquals(before.get("worker:worker_01"), after.get("worker:worker_01"));
    assertTrue(after.containsKey("worker:worker_02"), after.toString());

    // 4. a program is deleted
    edit(s -> s.replace("[program:old]\ncommand=/bin/sleep 1003\nstartsecs=0\nstopwaitsecs=2\n\n", ""));
    step("reread", "old: disappeared\n");
    step("update", "old: stopped\nold: removed process group\n");
    sameStates();

    // 5. a new [group:x]
    edit(s -> s + GROUP);
    step("reread", "grp: available\n");
    step("update", "grp: added process group\n");
    sameStates();

    // 6. one member of the heterogeneous group changes: only it restarts (Supervisor restarts both)
    Map<String, Long> realBefore = runningPids(real);
    before = runningPids(ours);
    edit(s -> s.replace("/bin/sleep 1005", "/bin/sleep 1015"));
    step("reread", "grp: changed\n");
    step("update", "grp: stopped\ngrp: updated process group\n");
    sameStates();
    after = runningPids(ours);
    assertEquals(before.get("grp:gb"), after.get("grp:gb"), "gb is unchanged: same pid");
    assertNotEquals(before.get("grp:ga"), after.get("grp:ga"));
    assertNotEquals(realBefore.get("grp:gb"), runningPids(real).get("grp:gb"), "Supervisor restarts the whole group");

    // removing a running group is refused; adding an unknown name is an error
    step("remove grp", "ERROR: process/group still running: grp\n");
    step("add nosuch", "ERROR: no such process/group: nosuch\n");
    step("update nosuch", "ERROR: no such group: nosuch\n");

    // 7. a broken edit: reread and update report it, nothing changes
    before = runningPids(ours);
    edit(s -> s.replace("command=/bin/sleep 1011\nstartsecs=0", "command=/bin/sleep 1011\nstartsecs=abc"));
    Ctl.Result reread = step("reread", null);
    assertTrue(reread.out().startsWith("ERROR: CANT_REREAD: "), reread.out());
    assertTrue(reread.out().contains("startsecs") || reread.out().contains("abc"), reread.out());
    assertTrue(reread.out().contains("program:web") && reread.out().contains("<DIR>/supervisord.conf"), reread.out());
    step("update", null);
    sameStates();
    assertEquals(before, runningPids(ours), "a broken edit touches nothing");
    assertFalse(before.isEmpty());
  }

  private RealSupervisord[] both() {
    return new RealSupervisord[] {real, ours};
  }

  private void edit(UnaryOperator<String> change) throws Exception {
    for (RealSupervisord d : both()) {
      String text = Files.readString(d.conf);
      String changed = change.apply(text);
      assertNotEquals(text, changed, "the edit must change something");
      Files.writeString(d.conf, changed);
    }
  }

  /**
   * Python's supervisorctl against Supervisor and ours against ours give the same result; when
   * {@code expected} is given, it is the output.
   */
  private Ctl.Result step(String command, String expected) throws Exception {
    Ctl.Result python = normalised(Ctl.python(real, Arrays.asList(command.split(" "))), real);
    Ctl.Result java = normalised(Ctl.ours(ours, Arrays.asList(command.split(" "))), ours);
    assertEquals(python, java, command);
    if (expected != null) {
      assertEquals(expected, python.out(), command);
    }
    return python;
  }

  private static Ctl.Result normalised(Ctl.Result r, RealSupervisord d) {
    String dir = d.dir.toString();
    return new Ctl.Result(r.code(), Ctl.normalise(r.out().replace(dir, "<DIR>")),
        Ctl.normalise(r.err().replace(dir, "<DIR>")));
  }

  /** Both daemons settle, then show the same processes in the same states. */
  private void sameStates() throws Exception {
    real.awaitSettled();
    ours.awaitSettled();
    assertEquals(states(real), states(ours));
  }

  private static Map<String, String> states(RealSupervisord d) {
    Map<String, String> states = new TreeMap<>();
    for (String line : Ctl.ours(d, java.util.List.of("status")).out().split("\n")) {
      String[] f = line.trim().split("\\s+");
      if (f.length >= 2) {
        states.put(f[0], f[1]);
      }
    }
    return states;
  }

  private static Map<String, Long> runningPids(RealSupervisord d) {
    Map<String, Long> pids = new TreeMap<>();
    Matcher m = RUNNING_PID.matcher(Ctl.ours(d, java.util.List.of("status")).out());
    while (m.find()) {
      pids.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return pids;
  }
}
