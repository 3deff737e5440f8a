package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.protocol.Fault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** supervisord's get_execv_args/check_execv_args rules, on a scratch tree. */
class CommandResolverTest {
  @TempDir Path tmp;
  private String exec;
  private String plain;
  private String dir;
  private String first;
  private String second;

  @BeforeEach
  void tree() throws IOException {
    exec = file("bin/prog", "rwxr-xr-x");
    plain = file("plain/prog", "rw-r--r--");
    dir = Files.createDirectories(tmp.resolve("dirs/prog")).toString();
    first = tmp.resolve("first").toString();
    second = tmp.resolve("second").toString();
    file("second/tool", "rwxr-xr-x");
    Files.createDirectories(Path.of(first));
    Files.createSymbolicLink(Path.of(first, "dangling"), tmp.resolve("nowhere"));
    file("second/dangling", "rwxr-xr-x");
  }

  private String file(String relative, String perms) throws IOException {
    Path p = tmp.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(perms));
    return p.toString();
  }

  private ResolvedCommand resolve(String command, String... path) throws SpawnException {
    return CommandResolver.resolve(command, List.of(path));
  }

  private SpawnException failure(String command, String... path) {
    return assertThrows(SpawnException.class, () -> resolve(command, path));
  }

  @Test
  void pathWithSlashIsUsedAsWritten() throws Exception {
    var r = resolve(exec + " -x 'a b'", "/nonexistent");
    assertEquals(new ResolvedCommand(exec, List.of(exec, "-x", "a b")), r);
  }

  @Test
  void searchesPathInOrderAndKeepsArgv0AsWritten() throws Exception {
    var r = resolve("tool --flag", "/nonexistent", first, second);
    assertEquals(new ResolvedCommand(second + "/tool", List.of("tool", "--flag")), r);
  }

  @Test
  void firstExistingEntryWinsEvenWhenNotExecutable() {
    var e = failure("prog", tmp + "/plain", tmp + "/bin");
    assertEquals("command at '" + plain + "' is not executable", e.getMessage());
    assertEquals(Fault.NOT_EXECUTABLE, e.fault());
  }

  @Test
  void directoryHitWins() {
    var e = failure("prog", tmp + "/dirs", tmp + "/bin");
    assertEquals("command at '" + dir + "' is a directory", e.getMessage());
    assertEquals(Fault.NOT_EXECUTABLE, e.fault());
  }

  @Test
  void danglingSymlinkDoesNotExist() throws Exception {
    assertEquals(second + "/dangling", resolve("dangling", first, second).executable());
  }

  @Test
  void trailingSlashIsJoinedLikeOsPathJoin() throws Exception {
    assertEquals(tmp + "/bin/prog", resolve("prog", tmp + "/bin/").executable());
  }

  @Test
  void emptyEntryMeansTheDaemonsWorkingDirectory() {
    // surefire runs in the module directory, where pom.xml exists and has no x bit.
    var e = failure("pom.xml", "");
    assertEquals("command at 'pom.xml' is not executable", e.getMessage());
  }

  @Test
  void missingCommands() {
    var slash = failure("/nonexistent/cmd arg", "/bin");
    assertEquals("can't find command '/nonexistent/cmd'", slash.getMessage());
    assertEquals(Fault.NO_FILE, slash.fault());
    var bare = failure("nosuchcmd", "/nonexistent", first);
    assertEquals("can't find command 'nosuchcmd'", bare.getMessage());
    assertEquals(Fault.NO_FILE, bare.fault());
    assertEquals("can't find command \"it's\"", failure("\"it's\"", first).getMessage());
  }

  @Test
  void directoryAndNotExecutableWithSlash() {
    assertEquals("command at '" + dir + "' is a directory", failure(dir).getMessage());
    assertEquals("command at '" + plain + "' is not executable", failure(plain).getMessage());
  }

  @Test
  void xBitButNoAccess() {
    // As root access(X_OK) passes whenever an x bit is set, so the check is injected here.
    var resolver = new CommandResolver(p -> false);
    var e = assertThrows(SpawnException.class, () -> resolver.resolveCommand(exec, List.of()));
    assertEquals("no permission to run command '" + exec + "'", e.getMessage());
    assertEquals(Fault.NOT_EXECUTABLE, e.fault());
  }

  @Test
  void parseErrorsComeFirst() {
    assertEquals("command is empty", failure("  ").getMessage());
    assertEquals("can't parse command \"'x\": No closing quotation", failure("'x").getMessage());
  }

  @Test
  void searchPathPrefersTheConfiguredEnvironmentEvenWhenEmpty() {
    Map<String, String> env = new HashMap<>();
    assertEquals(List.of("/x", "", "/y"), CommandResolver.searchPath(env, "/x::/y"));
    assertEquals(CommandResolver.DEFAULT_PATH, CommandResolver.searchPath(env, ""));
    assertEquals(CommandResolver.DEFAULT_PATH, CommandResolver.searchPath(env, null));
    env.put("PATH", "/a:/b");
    assertEquals(List.of("/a", "/b"), CommandResolver.searchPath(env, "/x"));
    env.put("PATH", "");
    assertEquals(List.of(""), CommandResolver.searchPath(env, "/x"));
  }
}
