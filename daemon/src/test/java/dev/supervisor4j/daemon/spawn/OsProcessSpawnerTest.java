package dev.supervisor4j.daemon.spawn;

import static dev.supervisor4j.daemon.spawn.TestSpawner.await;
import static dev.supervisor4j.daemon.spawn.TestSpawner.awaitExit;
import static dev.supervisor4j.daemon.spawn.TestSpawner.procStat;
import static dev.supervisor4j.daemon.spawn.TestSpawner.readAll;
import static dev.supervisor4j.daemon.spawn.TestSpawner.run;
import static dev.supervisor4j.daemon.spawn.TestSpawner.sh;
import static dev.supervisor4j.daemon.spawn.TestSpawner.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.Signal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Real children: identity, exit statuses, environment, directory, umask, streams, groups. */
@Tag("os")
class OsProcessSpawnerTest {
  @TempDir Path tmp;

  private static BufferedReader lines(RunningChild child) {
    return new BufferedReader(new InputStreamReader(child.stdout(), StandardCharsets.UTF_8));
  }

  @Test
  void pidIsTheProgramsOwnAndLeadsItsSessionAndGroup() throws Exception {
    RunningChild child = TestSpawner.get().spawn(sh("echo $$; exec cat"));
    BufferedReader out = lines(child);
    assertEquals(Long.toString(child.pid()), out.readLine());
    child.stdin().write("ping\n".getBytes(StandardCharsets.UTF_8));
    child.stdin().flush();
    assertEquals("ping", out.readLine(), "cat echoes: the exec is done");
    String[] stat = procStat(child.pid()).orElseThrow();
    assertEquals(Long.toString(child.pid()), stat[2], "pgid");
    assertEquals(Long.toString(child.pid()), stat[3], "sid");
    assertEquals(List.of("0", "1", "2"), fds(child.pid()), "only 0/1/2 are open in the child");
    var status = Files.readAllLines(Path.of("/proc/" + child.pid() + "/status"));
    // Default dispositions and an empty mask (supervisord's children inherit SIGPIPE ignored).
    assertEquals(0, sigMask(status, "SigBlk"));
    // glibc's posix_spawn leaves only its internal signals 32 and 33 ignored.
    assertEquals(0, sigMask(status, "SigIgn") & ~0x180000000L);
    child.stdin().close();
    assertEquals(ExitStatus.exited(0), awaitExit(child));
    out.close();
    child.stderr().close();
  }

  private static long sigMask(List<String> status, String field) {
    return status.stream().filter(l -> l.startsWith(field + ":"))
        .mapToLong(l -> Long.parseUnsignedLong(l.substring(field.length() + 1).strip(), 16))
        .findFirst().orElseThrow();
  }

  private static List<String> fds(long pid) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("/proc/" + pid + "/fd"))) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest
  @CsvSource({"exit 0, exit status 0", "exit 3, exit status 3", "exit 143, exit status 143",
      "exit 255, exit status 255", "kill -KILL $$, terminated by SIGKILL"})
  void exitStatusIsExact(String script, String text) throws Exception {
    ExitStatus exit = run(sh(script)).exit();
    assertEquals(text, exit.describe());
    assertEquals(script.startsWith("kill"), exit.bySignal());
  }

  @ParameterizedTest
  @CsvSource({"15, SIGTERM", "9, SIGKILL", "1, SIGHUP"})
  void deathBySignalIsNotAnExitCode(int number, String name) throws Exception {
    RunningChild child = TestSpawner.get().spawn(sh("echo ready; exec sleep 1000"));
    BufferedReader out = lines(child);
    assertEquals("ready", out.readLine());
    Signal signal = Signal.ofNumber(number).orElseThrow();
    assertTrue(child.signal(signal, false));
    ExitStatus exit = awaitExit(child);
    assertEquals(ExitStatus.killedBy(number, false), exit);
    assertEquals("terminated by " + name, exit.describe());
    assertEquals(-1, exit.rpcExitStatus());
    assertFalse(child.signal(Signal.TERM, false), "a reaped pid is never signalled");
    out.close();
    child.stderr().close();
  }

  @Test
  void environmentIsExactlyTheRequested() throws Exception {
    var env = Map.of("FOO", "bar", "SUPERVISOR_ENABLED", "1", "UTF", "\u00e9");
    var request = TestSpawner.withEnv(TestSpawner.request(List.of("/usr/bin/env")), env);
    var lines = run(request).stdout().lines().sorted().toList();
    assertEquals(List.of("FOO=bar", "SUPERVISOR_ENABLED=1", "UTF=\u00e9"), lines);
  }

  @Test
  void directoryAndUmaskApplyToTheChildOnly() throws Exception {
    var result = run(with(sh("pwd; umask; echo x > made"), tmp.toString(), null, 077));
    assertEquals(tmp + "\n0077\n", result.stdout());
    assertEquals("rw-------", PosixFilePermissions.toString(
        Files.getPosixFilePermissions(tmp.resolve("made"))));
    // The spawner thread went back to the daemon's directory and umask.
    String daemonUmask = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith("Umask:")).findFirst().orElseThrow().split("\\s+")[1];
    String cwd = Path.of("").toAbsolutePath().toString();
    assertEquals(cwd + "\n" + daemonUmask + "\n", run(sh("pwd; umask")).stdout());
    assertEquals(cwd, Files.readSymbolicLink(Path.of("/proc/self/cwd")).toString());
  }

  @Test
  void redirectStderrMergesIntoStdout() throws Exception {
    RunningChild child = TestSpawner.get().spawn(
        TestSpawner.redirected(sh("echo out; echo err >&2; echo out2")));
    assertNull(child.stderr());
    assertEquals("out\nerr\nout2\n", readAll(child.stdout()));
    assertEquals(ExitStatus.exited(0), awaitExit(child));
  }

  @Test
  void stdinReachesTheChild() throws Exception {
    RunningChild child = TestSpawner.get().spawn(TestSpawner.request(List.of("/bin/cat")));
    child.stdin().write("hello\nworld\n".getBytes(StandardCharsets.UTF_8));
    child.stdin().close();
    assertEquals("hello\nworld\n", readAll(child.stdout()));
    assertEquals(ExitStatus.exited(0), awaitExit(child));
    child.stderr().close();
  }

  @Test
  void groupSignalReachesEveryProcessOfTheGroup() throws Exception {
    RunningChild child = TestSpawner.get().spawn(
        sh("sleep 1000 & sleep 1000 & echo started; wait"));
    BufferedReader out = lines(child);
    assertEquals("started", out.readLine());
    long pgid = child.pid();
    assertEquals(3, liveMembers(pgid), "sh and its two sleeps");
    assertTrue(child.signal(Signal.TERM, true));
    assertEquals("terminated by SIGTERM", awaitExit(child).describe());
    await("no live process in group " + pgid, () -> liveMembers(pgid) == 0);
    out.close();
    child.stderr().close();
  }

  /** Processes (zombies excluded) whose process group is {@code pgid}. */
  static long liveMembers(long pgid) {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.map(p -> p.getFileName().toString())
          .filter(n -> n.chars().allMatch(Character::isDigit))
          .map(n -> procStat(Long.parseLong(n)))
          .flatMap(Optional::stream)
          .filter(f -> f[2].equals(Long.toString(pgid)) && !f[0].equals("Z"))
          .count();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void aMissingDirectoryFailsInTheChildAsSupervisordDoes() throws Exception {
    var result = run(with(sh("echo never"), "/nonexistent/dir", null, null));
    assertEquals("", result.stdout());
    assertEquals("supervisor: couldn't chdir to /nonexistent/dir: ENOENT\n"
        + "supervisor: child process was not spawned\n", result.stderr());
    assertEquals(ExitStatus.exited(127), result.exit());
    assertTrue(result.pid() > 0);
  }

  @Test
  void anExecErrorFailsInTheChildAsSupervisordDoes() throws Exception {
    Path script = tmp.resolve("noshebang.sh");
    Files.writeString(script, "echo hi\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    // No shell fallback on ENOEXEC (as execve); argv[0] as written names the command.
    var result = run(new SpawnRequest(script.toString(), List.of("written-argv0", "arg"),
        TestSpawner.ENV, null, null, null, true, "test"));
    assertEquals("supervisor: couldn't exec written-argv0: ENOEXEC\n"
        + "supervisor: child process was not spawned\n", result.stdout(), "fd 2 is stdout here");
    assertEquals(ExitStatus.exited(127), result.exit());
  }
}
