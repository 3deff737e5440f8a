package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

/** Expectations printed by Python 3.11's {@code int()}. */
class PyIntTest {
  @Test
  void intLikePython() {
    assertEquals(100L, PyInt.tryParseLong("100"));
    assertEquals(-5L, PyInt.tryParseLong(" -5 "));
    assertEquals(1000L, PyInt.tryParseLong("1_000"));
    assertEquals(5L, PyInt.tryParseLong("+5"));
    assertEquals(12L, PyInt.tryParseLong("\u0661\u0662"));
    assertNull(PyInt.tryParseLong("1f"));
    assertNull(PyInt.tryParseLong("1__0"));
    assertNull(PyInt.tryParseLong("_1"));
    assertNull(PyInt.tryParseLong("1_"));
    assertNull(PyInt.tryParseLong(""));
    assertNull(PyInt.tryParseLong("-"));
    assertNull(PyInt.tryParseLong("99999999999999999999"));
  }

  @Test
  void octalTakesAnOptionalPrefix() throws Exception {
    assertEquals(BigInteger.valueOf(15), PyInt.parse("0o17", 8));
    assertEquals(BigInteger.valueOf(15), PyInt.parse("0o_17", 8));
    assertNull(PyInt.tryParse("8", 8));
  }

  @Test
  void valueErrorTextIsPythons() {
    PythonError e = assertThrows(PythonError.class, () -> PyInt.parse("x", 10));
    assertEquals("ValueError", e.pythonClass());
    assertEquals("invalid literal for int() with base 10: 'x'", e.getMessage());
    assertEquals("invalid literal for int() with base 8: '9'",
        assertThrows(PythonError.class, () -> PyInt.parse("9", 8)).getMessage());
  }
}
