package dev.supervisor4j.ctl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PyUrlTest {
  @Test
  void supervisorsUrlCheck() {
    assertTrue(PyUrl.split("unix:///tmp/s.sock").isUrl());
    assertTrue(PyUrl.split("http://localhost:9001").isUrl());
    assertTrue(PyUrl.split("foo:bar").isUrl());
    assertFalse(PyUrl.split("foo").isUrl());
    assertFalse(PyUrl.split("1http://x").isUrl());
    assertEquals("http", PyUrl.split("HTTP://x").scheme());
  }

  @Test
  void hostAndPort() {
    PyUrl u = PyUrl.split("http://User@LocalHost:9001/RPC2");
    assertEquals("localhost", u.hostname());
    assertEquals(9001, u.port());
    assertEquals("::1", PyUrl.split("http://[::1]:80").hostname());
    assertNull(PyUrl.split("http://h").port());
    assertEquals("Port could not be cast to integer value as 'x'",
        assertThrows(IllegalArgumentException.class, () -> PyUrl.split("http://h:x").port()).getMessage());
  }
}
