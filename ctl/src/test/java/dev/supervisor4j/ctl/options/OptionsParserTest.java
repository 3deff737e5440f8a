package dev.supervisor4j.ctl.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OptionsParserTest {
  @TempDir Path dir;

  private CtlOptions parse(String... argv) throws Exception {
    return OptionsParser.parse(List.of(argv), dir.resolve("bin/supervisorctl").toString(), Map.of("SOCKDIR", "/run/x"));
  }

  private Path conf(String text) throws Exception {
    Path p = dir.resolve("supervisord.conf");
    Files.writeString(p, text);
    return p;
  }

  @Test
  void configValuesWithHereAndEnvironment() throws Exception {
    Path c = conf("[supervisorctl]\nserverurl=unix://%(here)s/sv.sock\nprompt=%(ENV_SOCKDIR)s\n"
        + "username=u\npassword=p\nhistory_file=%(here)s/../hist\n");
    CtlOptions o = parse("-c", c.toString(), "status");
    assertEquals("unix://" + dir + "/sv.sock", o.serverurl());
    assertEquals("/run/x", o.prompt());
    assertEquals("u", o.username());
    assertEquals("p", o.password());
    assertEquals(dir.getParent().resolve("hist").toString(), o.historyFile());
    assertEquals(List.of("status"), o.args());
    assertFalse(o.interactive());
  }

  @Test
  void commandLineWinsOverTheConfig() throws Exception {
    Path c = conf("[supervisorctl]\nserverurl=unix:///a.sock\nusername=u\n");
    CtlOptions o = parse("-c", c.toString(), "-s", "http://h:9", "-u", "v", "-p", "w", "-r", "/h", "version");
    assertEquals("http://h:9", o.serverurl());
    assertEquals("v", o.username());
    assertEquals("w", o.password());
    assertEquals("/h", o.historyFile());
  }

  @Test
  void defaultsWithoutAConfigAndNoActionMeansInteractive() throws Exception {
    CtlOptions o = OptionsParser.parse(List.of(), "/nonexistent/bin/supervisorctl", Map.of());
    assertTrue(o.interactive());
    assertEquals("supervisor", o.prompt());
    assertNull(o.username());
    assertNull(o.password());
    assertNull(o.historyFile());
  }

  @Test
  void searchStartsTwoLevelsAboveArgv0() throws Exception {
    Files.createDirectories(dir.resolve("etc"));
    Files.writeString(dir.resolve("etc/supervisord.conf"), "[supervisorctl]\nserverurl=unix:///found.sock\n");
    assertEquals("unix:///found.sock", parse("status").serverurl());
    assertEquals(List.of(dir + "/etc/supervisord.conf", dir + "/supervisord.conf", "supervisord.conf",
        "etc/supervisord.conf", "/etc/supervisord.conf", "/etc/supervisor/supervisord.conf"),
        CtlConfigFile.searchPaths(dir + "/bin/supervisorctl"));
  }

  @Test
  void relativeUnixSocketIsMadeAbsoluteAgainstTheWorkingDirectory() throws Exception {
    Path c = conf("[supervisorctl]\nserverurl=unix://run/../sv.sock\n");
    assertEquals("unix://" + System.getProperty("user.dir") + "/sv.sock", parse("-c", c.toString()).serverurl());
  }

  @Test
  void usageErrors() throws Exception {
    assertEquals(".ini file does not include supervisorctl section", assertThrows(UsageException.class,
        () -> parse("-c", conf("[supervisord]\n").toString())).getMessage());
    assertEquals("could not find config file /nonexistent.conf",
        assertThrows(UsageException.class, () -> parse("-c", "/nonexistent.conf")).getMessage());
    assertEquals("invalid value for -s 'foo': value 'foo' is not a URL",
        assertThrows(UsageException.class, () -> parse("-s", "foo")).getMessage());
    assertEquals("conflicting command line option '--serverurl'",
        assertThrows(UsageException.class, () -> parse("-s", "http://a", "--serverurl", "http://b")).getMessage());
    assertEquals("option --history-file not recognized",
        assertThrows(UsageException.class, () -> parse("--history-file", "x")).getMessage());
    assertEquals("section [ctlplugin:x] does not specify a supervisor.ctl_factory", assertThrows(UsageException.class,
        () -> parse("-c", conf("[supervisorctl]\n[ctlplugin:x]\nfoo=1\n").toString())).getMessage());
  }

  @Test
  void configValuesAreFormattedByPythonsPercentOperator() throws Exception {
    // Printed by supervisorctl 4.2.5: a bare %s is the whole expansion dict, %d of it is Python's TypeError.
    assertEquals("{'ENV_SOCKDIR': '/run/x'}",
        parse("-c", conf("[supervisorctl]\nprompt=%s\n").toString(), "status").prompt());
    assertEquals("Format string '%d' for 'supervisorctl.prompt' is badly formatted: %d format: a real number is "
        + "required, not dict", assertThrows(UsageException.class,
            () -> parse("-c", conf("[supervisorctl]\nprompt=%d\n").toString())).getMessage());
    assertEquals("Format string '%(ENV_SOCKDIR)d' for 'supervisorctl.prompt' is badly formatted: %d format: a real "
        + "number is required, not str", assertThrows(UsageException.class,
            () -> parse("-c", conf("[supervisorctl]\nprompt=%(ENV_SOCKDIR)d\n").toString())).getMessage());
  }

  @Test
  void helpStopsAtOnce() throws Exception {
    assertTrue(parse("-h", "-s", "bad").helpRequested());
    assertTrue(parse("-?").helpRequested());
  }
}
