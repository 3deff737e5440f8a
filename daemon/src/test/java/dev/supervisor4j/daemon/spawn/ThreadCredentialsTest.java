package dev.supervisor4j.daemon.spawn;

import static dev.supervisor4j.daemon.spawn.TestSpawner.run;
import static dev.supervisor4j.daemon.spawn.TestSpawner.sh;
import static dev.supervisor4j.daemon.spawn.TestSpawner.with;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.config.UserSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** user= with the real {@code nobody} account; needs root, as supervisord does. */
@Tag("os")
class ThreadCredentialsTest {
  private static final UserSpec NOBODY = new UserSpec("nobody", 65534, 65534, "/nonexistent");
  @TempDir Path tmp;

  @BeforeEach
  void requireRoot() throws Exception {
    assumeTrue(statusField("Uid").startsWith("0\t"), "switching users needs root");
    assumeTrue(Files.readAllLines(Path.of("/etc/passwd")).stream()
        .anyMatch(l -> l.startsWith("nobody:x:65534:65534:")), "no nobody account (65534)");
  }

  private static String statusField(String name) throws Exception {
    return Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(l -> l.startsWith(name + ":")).findFirst().orElseThrow()
        .substring(name.length() + 1).strip();
  }

  @Test
  void childRunsAsTheUserWithNoPrivilegeLeft() throws Exception {
    var result = run(with(
        sh("grep -E '^(Uid|Gid|Groups|CapEff|CapPrm):' /proc/$$/status; echo HOME=$HOME"),
        null, NOBODY, null));
    assertEquals(List.of(
        "Uid:\t65534\t65534\t65534\t65534",
        "Gid:\t65534\t65534\t65534\t65534",
        "Groups:\t65534 ",
        "CapPrm:\t0000000000000000",
        "CapEff:\t0000000000000000",
        "HOME="), result.stdout().lines().toList(), result.stderr());
  }

  @Test
  void theSpawnerThreadAndTheJvmStayRoot() throws Exception {
    run(with(sh("true"), null, NOBODY, null));
    assertEquals("0\n", run(sh("id -u")).stdout());
    assertEquals("0\t0\t0\t0", statusField("Uid"));
  }

  @Test
  void chdirHappensAsTheUser() throws Exception {
    Path closed = Files.createDirectory(tmp.resolve("closed"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    var result = run(with(sh("pwd"), closed.toString(), NOBODY, null));
    assertEquals("supervisor: couldn't chdir to " + closed + ": EACCES\n"
        + "supervisor: child process was not spawned\n", result.stderr());
    assertEquals(ExitStatus.exited(127), result.exit());
    assertEquals(closed + "\n", run(with(sh("pwd"), closed.toString(), null, null)).stdout());
  }

  @Test
  void sameUserIsNotAChange() throws Exception {
    var root = new UserSpec("root", 0, 0, "/root");
    assertEquals("0\n", run(with(sh("id -u"), null, root, null)).stdout());
  }
}
