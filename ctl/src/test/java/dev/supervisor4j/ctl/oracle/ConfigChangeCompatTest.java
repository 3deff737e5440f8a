package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands that change the daemon's config or the daemon itself ({@code reread},
 * {@code update}, {@code add}, {@code remove}, {@code reload}, {@code shutdown}), Python's
 * supervisorctl against ours. Between the two runs the daemon is put back in the same state.
 */
@Tag("compat")
class ConfigChangeCompatTest {
  /** Quick to start and stop: no startsecs, no crashing programs. */
  private static final String PROGRAMS = ""
      + "[program:cat]\ncommand=/bin/cat\nstartsecs=0\nstopwaitsecs=2\n\n"
      + "[program:nolog]\ncommand=/bin/sleep 1000\nstdout_logfile=NONE\nstartsecs=0\nstopwaitsecs=2\n\n"
      + "[group:grp]\nprograms=ga,gb\n\n"
      + "[program:ga]\ncommand=/bin/sh -c \"while true; do echo tick; sleep 1; done\"\nstartsecs=0\nstopwaitsecs=2\n\n"
      + "[program:gb]\ncommand=/bin/sleep 1000\nnumprocs=2\nprocess_name=%(program_name)s_%(process_num)d\n"
      + "startsecs=0\nstopwaitsecs=2\n";

  @TempDir Path dir;
  private RealSupervisord daemon;
  private String original;
  private String changed;

  @BeforeEach
  void start() throws Exception {
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    daemon = RealSupervisord.startWith(dir, PROGRAMS);
    original = Files.readString(daemon.conf);
    // grp changes (ga's command), nolog disappears, newprog appears
    changed = original.replace("while true; do echo tick; sleep 1; done", "while true; do echo tock; sleep 1; done")
        .replace("[program:nolog]\ncommand=/bin/sleep 1000\nstdout_logfile=NONE\nstartsecs=0\nstopwaitsecs=2\n\n", "")
        + "\n[program:newprog]\ncommand=/bin/sleep 1000\nstartsecs=0\nstopwaitsecs=2\n";
  }

  @AfterEach
  void stop() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
  }

  private Ctl.Result python(String args) throws Exception {
    return Ctl.python(daemon, Arrays.asList(args.split(" "))).normalised();
  }

  private Ctl.Result ours(String args) {
    return Ctl.ours(daemon, Arrays.asList(args.split(" "))).normalised();
  }

  private void same(String args) throws Exception {
    assertEquals(python(args).toString(), ours(args).toString(), args);
  }

  private void config(String text) throws Exception {
    Files.writeString(daemon.conf, text);
  }

  /** Back to the original config and state: Python's reload, then wait for the daemon. */
  private void reset() throws Exception {
    config(original);
    Ctl.python(daemon, List.of("reload"));
    Thread.sleep(500);
    daemon.awaitSettled();
  }

  @Test
  void rereadAddRemoveUpdate() throws Exception {
    config(changed);
    same("reread");
    same("add nosuch newprog-typo");

    Ctl.Result pythonAdd = python("add newprog");
    python("stop newprog");
    python("remove newprog");
    assertEquals(pythonAdd.toString(), ours("add newprog").toString());
    same("add newprog");          // already active: an ERROR line, exit 0
    same("remove newprog");       // still running
    python("stop newprog");
    same("remove cat");
    Ctl.Result pythonRemove = python("remove newprog");
    python("add newprog");
    python("stop newprog");
    assertEquals(pythonRemove.toString(), ours("remove newprog").toString());

    reset();
    config(changed);
    Ctl.Result pythonUpdate = python("update");
    reset();
    config(changed);
    assertEquals(pythonUpdate.toString(), ours("update").toString());

    reset();
    config(changed);
    Ctl.Result pythonSome = python("update grp nosuch");
    reset();
    config(changed);
    assertEquals(pythonSome.toString(), ours("update grp nosuch").toString());
  }

  @Test
  void brokenConfig() throws Exception {
    config(original + "\n[program:broken]\ncommand=/bin/true\nautorestart=sometimes\n");
    same("reread");
    same("update");
    same("avail");
  }

  @Test
  void reloadAndShutdown() throws Exception {
    Ctl.Result pythonReload = python("reload");
    Thread.sleep(500);
    daemon.awaitSettled();
    assertEquals(pythonReload.toString(), ours("reload").toString());
    Thread.sleep(500);
    daemon.awaitSettled();

    Ctl.Result oursShutdown = ours("shutdown");
    daemon.close();
    daemon = RealSupervisord.startWith(dir, PROGRAMS);
    assertEquals(python("shutdown").toString(), oursShutdown.toString());
    daemon.close();
    same("shutdown");
    same("status");
    same("reread");
  }
}
