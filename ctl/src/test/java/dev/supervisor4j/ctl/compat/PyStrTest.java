package dev.supervisor4j.ctl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class PyStrTest {
  @Test
  void splitAndStrip() {
    assertEquals(List.of("a", "b:c", "*"), PyStr.split("  a\tb:c \u00a0*\n"));
    assertEquals(List.of(), PyStr.split("   "));
    assertEquals("x y", PyStr.strip(" \t x y \n"));
  }

  @Test
  void reprChoosesQuotesLikePython() {
    assertEquals("'abc'", PyStr.repr("abc"));
    assertEquals("\"it's\"", PyStr.repr("it's"));
    assertEquals("'both \\' and \"'", PyStr.repr("both ' and \""));
    assertEquals("'a\\nb\\t\\x1b\\\\'", PyStr.repr("a\nb\t\u001b\\"));
    assertEquals("'té☃'", PyStr.repr("té☃"));
    assertEquals("'\\xa0'", PyStr.repr("\u00a0"));
  }

  @Test
  void intLikePython() {
    assertEquals(100L, PyStr.parseInt("100"));
    assertEquals(-5L, PyStr.parseInt(" -5 "));
    assertEquals(1000L, PyStr.parseInt("1_000"));
    assertEquals(5L, PyStr.parseInt("+5"));
    assertNull(PyStr.parseInt("1f"));
    assertNull(PyStr.parseInt("1__0"));
    assertNull(PyStr.parseInt("_1"));
    assertNull(PyStr.parseInt(""));
    assertNull(PyStr.parseInt("-"));
  }
}
