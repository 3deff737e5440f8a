package dev.supervisor4j.ctl.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class GetoptTest {
  private static final List<String> LONG = List.of("help", "configuration=", "interactive", "serverurl=");

  private static String parse(String... argv) throws UsageException {
    Getopt.Result r = Getopt.parse(List.of(argv), "h?c:is:", LONG);
    StringBuilder b = new StringBuilder();
    for (Getopt.Opt o : r.opts()) {
      b.append(o.name()).append('=').append(o.value()).append(' ');
    }
    return b.append(r.args()).toString();
  }

  @Test
  void stopsAtTheFirstWord() throws Exception {
    assertEquals("-c=f [status, -c, x]", parse("-c", "f", "status", "-c", "x"));
  }

  @Test
  void clustersShortOptionsAndTakesAttachedValues() throws Exception {
    assertEquals("-i= -c=file [status]", parse("-icfile", "status"));
  }

  @Test
  void longOptionsByUniquePrefixWithEqualsOrNextWord() throws Exception {
    assertEquals("--configuration=a --serverurl=b [x]", parse("--conf=a", "--s", "b", "x"));
    assertEquals("--interactive= []", parse("--inter"));
  }

  @Test
  void doubleDashEndsOptions() throws Exception {
    assertEquals("-i= [-c]", parse("-i", "--", "-c"));
  }

  @Test
  void errorsUseGetoptsWords() {
    assertEquals("option -x not recognized", assertThrows(UsageException.class, () -> parse("-x")).getMessage());
    assertEquals("option -c requires argument", assertThrows(UsageException.class, () -> parse("-c")).getMessage());
    assertEquals("option --foo not recognized",
        assertThrows(UsageException.class, () -> parse("--foo")).getMessage());
    assertEquals("option --interactive must not have an argument",
        assertThrows(UsageException.class, () -> parse("--interactive=1")).getMessage());
    assertEquals("option --configuration requires argument",
        assertThrows(UsageException.class, () -> parse("--configuration")).getMessage());
  }

  @Test
  void ambiguousPrefix() {
    UsageException e = assertThrows(UsageException.class,
        () -> Getopt.parse(List.of("--user"), "", List.of("username=", "userspace")));
    assertEquals("option --user not a unique prefix", e.getMessage());
  }
}
