package dev.supervisor4j.daemon.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.LogLevel;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** supervisord's command line and its getopt-style errors, texts as Supervisor 4.2.5 prints them. */
class SupervisordArgsTest {

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("--bogus", "option --bogus not recognized"),
        Arguments.of("-x", "option -x not recognized"),
        Arguments.of("-c", "option -c requires argument"),
        Arguments.of("-j", "option -j requires argument"),
        Arguments.of("extra", "positional arguments are not supported: ['extra']"),
        Arguments.of("-c a -c b", "conflicting command line option '-c'"),
        Arguments.of("-c a --configuration b", "conflicting command line option '--configuration'"),
        Arguments.of("-n -n", "conflicting command line option '-n'"),
        Arguments.of("-nc", "option -c requires argument"),
        Arguments.of("--no", "option --no not a unique prefix"),
        Arguments.of("--log=x", "option --log not a unique prefix"),
        Arguments.of("--conf", "option --configuration requires argument"),
        Arguments.of("--nodaemon=1", "option --nodaemon must not have an argument"),
        Arguments.of("-e loud", "invalid value for -e 'loud': bad logging level name 'loud'"),
        Arguments.of("-e warning", "invalid value for -e 'warning': bad logging level name 'warning'"),
        Arguments.of("-m 9", "invalid value for -m '9': 9 can not be converted to an octal type"),
        Arguments.of("-q /nonexist", "invalid value for -q '/nonexist': /nonexist is not an existing directory"),
        Arguments.of("-y 5XB", "invalid value for -y '5XB': invalid literal for int() with base 10: '5xb'"),
        Arguments.of("-a abc", "invalid value for -a 'abc': invalid literal for int() with base 10: 'abc'"),
        Arguments.of("-z x", "invalid value for -z 'x': invalid literal for int() with base 10: 'x'"),
        // Printed by supervisord 4.2.5: values are shown with repr().
        Arguments.of("-e it's", "invalid value for -e \"it's\": bad logging level name \"it's\""),
        Arguments.of("it's a\\b", "positional arguments are not supported: [\"it's\", 'a\\\\b']"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejectsWithSupervisorsText(String args, String message) {
    UsageException e = assertThrows(UsageException.class, () -> SupervisordArgs.parse(List.of(args.split(" "))));
    assertEquals(message, e.getMessage());
  }

  @Test
  void parsesShortLongClusteredAndAttachedForms() throws Exception {
    SupervisordArgs a = SupervisordArgs.parse(List.of("-nc", "x.conf", "-edebug", "--logfile_maxbytes=1MB",
        "--pid", "p.pid", "-k", "-t", "--minprocs", "300", "-m", "027", "-i", "me", "-z", "3", "-s"));
    assertEquals("x.conf", a.configFile());
    assertTrue(a.overrides().nodaemon());
    assertTrue(a.overrides().silent());
    assertEquals(LogLevel.DEBUG, a.overrides().loglevel());
    assertEquals(1024L * 1024, a.overrides().logfileMaxBytes());
    assertEquals("p.pid", a.overrides().pidfile());
    assertTrue(a.overrides().nocleanup());
    assertTrue(a.overrides().stripAnsi());
    assertEquals(300, a.overrides().minprocs());
    assertEquals(027, a.overrides().umask());
    assertEquals("me", a.overrides().identifier());
    assertEquals(3, a.overrides().logfileBackups());
  }

  @Test
  void helpAndVersionFlags() throws Exception {
    assertTrue(SupervisordArgs.parse(List.of("-h")).help());
    assertTrue(SupervisordArgs.parse(List.of("-?")).help());
    assertTrue(SupervisordArgs.parse(List.of("--help")).help());
    assertTrue(SupervisordArgs.parse(List.of("-v")).version());
    assertTrue(SupervisordArgs.parse(List.of("--version")).version());
    assertNull(SupervisordArgs.parse(List.of()).configFile());
  }
}
