package dev.supervisor4j.http.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
  @Test
  void writesValuesInOrder() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("b", 1);
    m.put("a", List.of(true, "x"));
    m.put("n", null);
    m.put("d", 1.5);
    m.put("nan", Double.NaN);
    assertEquals("{\"b\":1,\"a\":[true,\"x\"],\"n\":null,\"d\":1.5,\"nan\":null}", Json.write(m));
  }

  @Test
  void stringsCannotCloseAScriptBlockOrBreakOut() {
    assertEquals("\"\\u003c/script\\u003e\\u003cb\\u003e \\u0026amp; \\u0027\"", Json.write("</script><b> &amp; '"));
    assertEquals("\"a\\\"b\\\\c\\nd\\u0001\\u2028\"", Json.write("a\"b\\c\nd\u0001\u2028"));
  }

  @Test
  void nullsInListsStay() {
    assertEquals("[null,2]", Json.write(Arrays.asList(null, 2)));
  }
}
