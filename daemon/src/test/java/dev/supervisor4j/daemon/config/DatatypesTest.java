package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.python.PyRepr;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Value types, with acceptance rules and messages taken from Supervisor 4.2.5 on CPython 3.11. */
class DatatypesTest {

  @Test
  void integersFollowPythonInt() throws ConfigException {
    assertEquals(List.of(12, 12, 1, -1, 1000, 12, 0, 3, 12), List.of(Datatypes.integer("12"),
        Datatypes.integer(" 12 "), Datatypes.integer("+1"), Datatypes.integer("-1"),
        Datatypes.integer("1_000"), Datatypes.integer("012"), Datatypes.integer("0_0"),
        Datatypes.integer("\u0663"), Datatypes.integer("\u00a012\u2003")));
    for (String bad : List.of("1__0", "_1", "1_", "0x10", "1.0", "", "abc")) {
      fails(() -> Datatypes.integer(bad),
          "invalid literal for int() with base 10: " + PyRepr.of(bad));
    }
    assertEquals(Integer.MAX_VALUE, Datatypes.integer("99999999999999")); // clamped, not refused
  }

  @Test
  void octalFollowsPythonIntBase8() throws ConfigException {
    assertEquals(List.of(18, 18, 18, -7, 7, 18, 18), List.of(Datatypes.octal("022"),
        Datatypes.octal("22"), Datatypes.octal("0o22"), Datatypes.octal("-7"),
        Datatypes.octal(" 7 "), Datatypes.octal("0o_22"), Datatypes.octal("0O22")));
    for (String bad : List.of("8", "0x12", "", "0o")) {
      fails(() -> Datatypes.octal(bad), bad + " can not be converted to an octal type");
    }
  }

  @Test
  void booleansAndSizes() throws ConfigException {
    for (String t : List.of("true", "YES", "On", "1")) {
      assertEquals(true, Datatypes.bool(t));
    }
    for (String f : List.of("false", "no", "OFF", "0")) {
      assertEquals(false, Datatypes.bool(f));
    }
    fails(() -> Datatypes.bool(""), "not a valid boolean value: ''");
    assertEquals(List.of(0L, 1024L, 5L * 1024 * 1024, 3L << 30, -1024L), List.of(
        Datatypes.byteSize("0"), Datatypes.byteSize("1kb"), Datatypes.byteSize("5 MB"),
        Datatypes.byteSize("3Gb"), Datatypes.byteSize("-1KB")));
    fails(() -> Datatypes.byteSize("1TB"), "invalid literal for int() with base 10: '1tb'");
    fails(() -> Datatypes.byteSize("1.5MB"), "invalid literal for int() with base 10: '1.5'");
  }

  @Test
  void signals() throws ConfigException {
    assertEquals(Signal.TERM, Datatypes.signal("term"));
    assertEquals(Signal.HUP, Datatypes.signal(" SIGhup "));
    assertEquals(34, Datatypes.signal("34").number());
    assertEquals(64, Datatypes.signal("sigrtmax").number());
    assertEquals(0, Datatypes.signal("_DFL").number());
    assertEquals(1, Datatypes.signal("SIG_IGN").number());
    assertEquals(15, Datatypes.signal(" 1_5 ").number());
    fails(() -> Datatypes.signal("40"), "value '40' is not a valid signal number");
    fails(() -> Datatypes.signal("-1"), "value '-1' is not a valid signal number");
    fails(() -> Datatypes.signal("FOO"), "value 'FOO' is not a valid signal name");
  }

  @Test
  void namesPortsAndLevels() throws ConfigException {
    assertEquals("a[b].c%", Datatypes.name(" a[b].c% "));
    fails(() -> Datatypes.name("a:b"), "Invalid name: 'a:b' because of character: ':'");
    assertEquals(List.of("", 9001), List.of(Datatypes.inetAddress("9001")));
    assertEquals(List.of("", 9001), List.of(Datatypes.inetAddress("*:9001")));
    assertEquals(List.of("", 9001), List.of(Datatypes.inetAddress(":9001")));
    assertEquals(List.of("::1", 9001), List.of(Datatypes.inetAddress("::1:9001")));
    fails(() -> Datatypes.inetAddress("h:99999"), "99999 is above upper bound (65535)");
    fails(() -> Datatypes.inetAddress("abc"), "not a valid port number: 'abc' ");
    assertEquals(LogLevel.BLATHER, Datatypes.logLevel("BLATHER"));
    fails(() -> Datatypes.logLevel("warning"), "bad logging level name 'warning'");
    assertEquals(List.of("a", "", "b"), Datatypes.listOfStrings(" a ,, b"));
  }

  @Test
  void urls() throws ConfigException {
    for (String good : List.of("unix:///tmp/s.sock", "http://h:9001", "mailto:x", "http:/p",
        "h:9001")) {
      assertEquals(good, Datatypes.url(good));
    }
    for (String bad : List.of("http:", "x", "http://", "1a:b", "a:?q", "//h/p")) {
      fails(() -> Datatypes.url(bad), "value " + PyRepr.of(bad) + " is not a URL");
    }
  }

  @Test
  void httpCredentialsAsSupervisorChecksThem() {
    HttpServerConfig plain = new HttpServerConfig.Inet("inet_http_server", "", 9001, "u", "123");
    HttpServerConfig hashed = new HttpServerConfig.Inet("inet_http_server", "", 9001, "u",
        "{SHA}40bd001563085fc35165329ea1ff5c5ecbdbbeef");
    HttpServerConfig upper = new HttpServerConfig.Inet("inet_http_server", "", 9001, "u",
        "{SHA}40BD001563085FC35165329EA1FF5C5ECBDBBEEF");
    HttpServerConfig open = new HttpServerConfig.Inet("inet_http_server", "", 9001, null, null);
    assertEquals(List.of(true, false, true, false, false, true), List.of(
        plain.authorizes("u", "123"), plain.authorizes("v", "123"), hashed.authorizes("u", "123"),
        hashed.authorizes("u", "{SHA}40bd001563085fc35165329ea1ff5c5ecbdbbeef"),
        upper.authorizes("u", "123"), open.authorizes(null, null)));
  }

  private static void fails(Executable e, String message) {
    assertEquals(message, assertThrows(ConfigException.class, e).getMessage());
  }
}
