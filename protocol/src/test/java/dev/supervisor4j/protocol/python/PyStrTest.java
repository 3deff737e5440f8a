package dev.supervisor4j.protocol.python;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Expectations printed by Python 3.11. */
class PyStrTest {
  @Test
  void splitAndStrip() {
    assertEquals(List.of("a", "b:c", "*"), PyStr.split("  a\tb:c \u00a0*\n"));
    assertEquals(List.of(), PyStr.split("   "));
    assertEquals("x y", PyStr.strip(" \t x y \n"));
    assertEquals(" x", PyStr.rstrip(" x\u2007\u202f\u0085\u001c"));
  }

  @Test
  void isSpaceIsPythons() {
    for (int cp : new int[] {' ', '\t', 0x0b, 0x1c, 0x1f, 0x85, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x202f, 0x3000}) {
      assertTrue(PyStr.isSpace(cp), Integer.toHexString(cp));
    }
    for (int cp : new int[] {'x', 0x200b, 0x180e, 0xfeff, 0}) {
      assertFalse(PyStr.isSpace(cp), Integer.toHexString(cp));
    }
  }

  @Test
  void sortsByCodePoint() {
    // U+FF21 sorts before U+1F600 in Python; Java's compareTo (UTF-16 units) says the opposite.
    assertEquals(List.of("B", "a", "\uff21", "\ud83d\ude00"), PyStr.sorted(List.of("\ud83d\ude00", "a", "\uff21", "B")));
    assertEquals(List.of("ENV_HOME", "ENV_HOMEX", "here"), PyStr.sorted(List.of("here", "ENV_HOMEX", "ENV_HOME")));
  }
}
