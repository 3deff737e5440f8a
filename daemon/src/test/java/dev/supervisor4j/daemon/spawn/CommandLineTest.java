package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.protocol.Fault;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Expectations produced by Python 3.11's {@code shlex.split} (the split supervisord uses). */
class CommandLineTest {

  static Stream<Arguments> splits() {
    return Stream.of(
        Arguments.of("a b c", List.of("a", "b", "c")),
        Arguments.of("  leading and   trailing  ", List.of("leading", "and", "trailing")),
        Arguments.of("a\tb\nc\rd", List.of("a", "b", "c", "d")),
        Arguments.of("/bin/cat 'a b'", List.of("/bin/cat", "a b")),
        Arguments.of("echo \"a b\" c", List.of("echo", "a b", "c")),
        Arguments.of("echo \"it's\"", List.of("echo", "it's")),
        Arguments.of("echo 'say \"hi\"'", List.of("echo", "say \"hi\"")),
        Arguments.of("x\\ y", List.of("x y")),
        Arguments.of("\"a\\\"b\"", List.of("a\"b")),
        Arguments.of("\"a\\\\b\"", List.of("a\\b")),
        Arguments.of("\"a\\nb\"", List.of("a\\nb")),
        Arguments.of("'a\\nb'", List.of("a\\nb")),
        Arguments.of("a\\nb", List.of("anb")),
        Arguments.of("a#b #c", List.of("a#b", "#c")),
        Arguments.of("$HOME *.txt ~", List.of("$HOME", "*.txt", "~")),
        Arguments.of("''", List.of("")),
        Arguments.of("a \"\" b", List.of("a", "", "b")),
        Arguments.of("pre\"mid\"post", List.of("premidpost")),
        Arguments.of("a\\\nb", List.of("a\nb")),
        Arguments.of("", List.of()),
        Arguments.of("   ", List.of()),
        Arguments.of("\u000bvt", List.of("\u000bvt")),
        Arguments.of("\u00e9 \u00fc", List.of("\u00e9", "\u00fc")),
        Arguments.of("'\\'", List.of("\\")),
        Arguments.of("\"\\$x\"", List.of("\\$x")),
        Arguments.of("a''", List.of("a")),
        Arguments.of("''b c", List.of("b", "c")));
  }

  static Stream<Arguments> errors() {
    return Stream.of(
        Arguments.of("\"unterminated", "No closing quotation"),
        Arguments.of("'x", "No closing quotation"),
        Arguments.of("a 'b", "No closing quotation"),
        Arguments.of("it's", "No closing quotation"),
        Arguments.of("trailing\\", "No escaped character"),
        Arguments.of("\"in quotes\\", "No escaped character"));
  }

  @ParameterizedTest
  @MethodSource("splits")
  void splitsLikeShlex(String command, List<String> expected) {
    assertEquals(expected, CommandLine.split(command));
  }

  @ParameterizedTest
  @MethodSource("errors")
  void failsLikeShlex(String command, String reason) {
    var e = assertThrows(IllegalArgumentException.class, () -> CommandLine.split(command));
    assertEquals(reason, e.getMessage());
  }

  @Test
  void parseGivesSupervisordSpawnErrors() {
    var quote = assertThrows(SpawnException.class, () -> CommandLine.parse("it's"));
    assertEquals("can't parse command \"it's\": No closing quotation", quote.getMessage());
    assertEquals(Fault.NOT_EXECUTABLE, quote.fault());
    var escape = assertThrows(SpawnException.class, () -> CommandLine.parse("cat \\"));
    assertEquals("can't parse command 'cat \\\\': No escaped character", escape.getMessage());
    var empty = assertThrows(SpawnException.class, () -> CommandLine.parse(" \t"));
    assertEquals("command is empty", empty.getMessage());
    assertEquals(Fault.NOT_EXECUTABLE, empty.fault());
  }

  /** Cross-checks the whole table against the real shlex when python3 is installed. */
  @Test
  @Tag("os")
  void agreesWithPythonShlex() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no /usr/bin/python3");
    List<String> inputs = new ArrayList<>();
    splits().forEach(a -> inputs.add((String) a.get()[0]));
    errors().forEach(a -> inputs.add((String) a.get()[0]));
    String script = "import shlex, sys\n"
        + "for s in sys.argv[1:]:\n"
        + "    try:\n"
        + "        out = '\\x1f'.join(shlex.split(s))\n"
        + "    except ValueError as e:\n"
        + "        out = 'ERR ' + str(e)\n"
        + "    sys.stdout.write(out + '\\x1e')\n";
    List<String> argv = new ArrayList<>(List.of("/usr/bin/python3", "-c", script));
    argv.addAll(inputs);
    var result = TestSpawner.run(TestSpawner.request(argv));
    assertEquals(ExitStatus.exited(0), result.exit(), result.stderr());
    String[] lines = result.stdout().split("\u001e", -1);
    for (int i = 0; i < inputs.size(); i++) {
      String ours;
      try {
        ours = String.join("\u001f", CommandLine.split(inputs.get(i)));
      } catch (IllegalArgumentException e) {
        ours = "ERR " + e.getMessage();
      }
      assertEquals(lines[i], ours, "input " + inputs.get(i));
    }
  }
}
