package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations printed by Python 3.11's {@code getopt.getopt}. */
class GetoptTest {
  private static final List<String> LONG = List.of("help", "configuration=", "interactive", "serverurl=");

  private static String parse(String... argv) throws PythonError {
    Getopt.Result r = Getopt.parse(List.of(argv), "h?c:is:", LONG);
    StringBuilder b = new StringBuilder();
    for (Getopt.Opt o : r.opts()) {
      b.append(o.name()).append('=').append(o.value()).append(' ');
    }
    return b.append(r.args()).toString();
  }

  private static String error(String... argv) {
    PythonError e = assertThrows(PythonError.class, () -> parse(argv));
    assertEquals("GetoptError", e.pythonClass());
    return e.getMessage();
  }

  @Test
  void stopsAtTheFirstWord() throws Exception {
    assertEquals("-c=f [status, -c, x]", parse("-c", "f", "status", "-c", "x"));
    assertEquals("-i= [-, -c]", parse("-i", "-", "-c"));
  }

  @Test
  void clustersShortOptionsAndTakesAttachedValues() throws Exception {
    assertEquals("-i= -c=file [status]", parse("-icfile", "status"));
    assertEquals("-c=x.conf -i= []", parse("-cx.conf", "-i"));
    assertEquals("-h= -?= []", parse("-h?"));
  }

  @Test
  void longOptionsByUniquePrefixWithEqualsOrNextWord() throws Exception {
    assertEquals("--configuration=a --serverurl=b [x]", parse("--conf=a", "--s", "b", "x"));
    assertEquals("--interactive= []", parse("--inter"));
    assertEquals("--configuration= []", parse("--configuration="));
  }

  @Test
  void doubleDashEndsOptions() throws Exception {
    assertEquals("-i= [-c]", parse("-i", "--", "-c"));
  }

  @Test
  void errorsUseGetoptsWords() {
    assertEquals("option -x not recognized", error("-x"));
    assertEquals("option -: not recognized", error("-:"));
    assertEquals("option -c requires argument", error("-c"));
    assertEquals("option --foo not recognized", error("--foo"));
    assertEquals("option --interactive must not have an argument", error("--interactive=1"));
    assertEquals("option --configuration requires argument", error("--configuration"));
  }

  @Test
  void ambiguousPrefix() {
    PythonError e = assertThrows(PythonError.class,
        () -> Getopt.parse(List.of("--user"), "", List.of("username=", "userspace")));
    assertEquals("option --user not a unique prefix", e.getMessage());
    assertEquals("option -- not a unique prefix", error("--=x"));
  }
}
