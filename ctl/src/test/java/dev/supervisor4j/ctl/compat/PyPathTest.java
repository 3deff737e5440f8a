package dev.supervisor4j.ctl.compat;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyPathTest {
  @Test
  void dirnameAndJoin() {
    assertEquals("/usr/bin", PyPath.dirname("/usr/bin/supervisorctl"));
    assertEquals("", PyPath.dirname("supervisorctl"));
    assertEquals("/", PyPath.dirname("/x"));
    assertEquals("a", PyPath.dirname("a//b"));
    assertEquals("etc/x", PyPath.join("", "etc/x"));
    assertEquals("/b", PyPath.join("/a", "/b"));
    assertEquals("/a/b", PyPath.join("/a/", "b"));
  }

  @Test
  void normpath() {
    assertEquals("/a/c", PyPath.normpath("/a/./b/../c/"));
    assertEquals("//a", PyPath.normpath("//a"));
    assertEquals("/a", PyPath.normpath("///a"));
    assertEquals("../x", PyPath.normpath("../x"));
    assertEquals("/", PyPath.normpath("/.."));
    assertEquals(".", PyPath.normpath(""));
  }
}
