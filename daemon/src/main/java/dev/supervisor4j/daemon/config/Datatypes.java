package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.Signal;
import dev.supervisor4j.protocol.python.PyInt;
import dev.supervisor4j.protocol.python.PyRepr;
import dev.supervisor4j.protocol.python.PyStr;
import dev.supervisor4j.protocol.python.PythonError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Supervisor's option value types (its {@code datatypes.py}), each with the exact acceptance rules and
 * error text of the original, e.g. {@code not a valid boolean value: 'maybe'}. Pure functions of the
 * text; anything that needs the file system or the user database lives elsewhere.
 */
public final class Datatypes {
  private Datatypes() {}

  /** Python {@code int()}, clamped to int (see {@link #clampInt}). */
  public static int integer(String value) throws ConfigException {
    return clampInt(pyInt(value));
  }

  /** Python's {@code int(text)}; the exception carries Python's message. */
  static BigInteger pyInt(String text) throws ConfigException {
    try {
      return PyInt.parse(text, 10);
    } catch (PythonError e) {
      throw new ConfigException(e.getMessage());
    }
  }

  /**
   * Narrows to an int. Python has no limit; a Java field does, so values beyond it are clamped rather
   * than refused (supervisord would accept them, and no sane setting is that large).
   */
  static int clampInt(BigInteger v) {
    if (v.bitLength() < 32) {
      return v.intValue();
    }
    return v.signum() < 0 ? Integer.MIN_VALUE : Integer.MAX_VALUE;
  }

  /** Narrows to a long, clamping like {@link #clampInt}. */
  static long clampLong(BigInteger v) {
    if (v.bitLength() < 64) {
      return v.longValue();
    }
    return v.signum() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
  }

  /** {@code true yes on 1} / {@code false no off 0}, any case. */
  static boolean bool(String value) throws ConfigException {
    switch (PyStr.lower(value)) {
      case "yes": case "true": case "on": case "1":
        return true;
      case "no": case "false": case "off": case "0":
        return false;
      default:
        throw new ConfigException("not a valid boolean value: " + PyRepr.of(value));
    }
  }

  /** An integer with an optional {@code kb}/{@code mb}/{@code gb} suffix (any case, powers of 1024). */
  public static long byteSize(String value) throws ConfigException {
    String v = PyStr.lower(value);
    long multiplier = 1;
    if (v.endsWith("kb")) {
      multiplier = 1024L;
    } else if (v.endsWith("mb")) {
      multiplier = 1024L * 1024;
    } else if (v.endsWith("gb")) {
      multiplier = 1024L * 1024 * 1024;
    }
    String number = multiplier == 1 ? v : v.substring(0, v.length() - 2);
    return clampLong(pyInt(number).multiply(BigInteger.valueOf(multiplier)));
  }

  /** Python {@code int(value, 8)}: {@code 022}, {@code 22} and {@code 0o22} all mean 18. */
  public static int octal(String value) throws ConfigException {
    BigInteger v = PyInt.tryParse(value, 8);
    if (v == null) {
      throw new ConfigException(value + " can not be converted to an octal type");
    }
    return clampInt(v);
  }

  /**
   * A signal name (with or without {@code SIG}, any case, blanks trimmed) or a number that Python's
   * {@code signal} module names.
   */
  static Signal signal(String value) throws ConfigException {
    BigInteger number = PyInt.tryParse(value, 10);
    if (number == null) {
      String name = PyStr.strip(value).toUpperCase(Locale.ROOT);
      if (!name.startsWith("SIG")) {
        name = "SIG" + name;
      }
      Optional<Signal> sig = Signal.parse(name);
      Integer alias = handlerConstant(name);
      if (sig.isEmpty() && alias == null) {
        throw new ConfigException("value " + PyRepr.of(value) + " is not a valid signal name");
      }
      if (sig.isPresent()) {
        return sig.get();
      }
      return Signal.ofNumber(alias).orElseThrow();
    }
    Optional<Signal> sig = number.bitLength() < 31 ? Signal.ofNumber(number.intValue()) : Optional.empty();
    return sig.orElseThrow(
        () -> new ConfigException("value " + PyRepr.of(value) + " is not a valid signal number"));
  }

  /**
   * Other {@code SIG*} attributes of Python's signal module that Supervisor's lookup also finds: the
   * handler and mask constants, whose values happen to be valid signal numbers.
   */
  private static Integer handlerConstant(String name) {
    switch (name) {
      case "SIG_IGN": case "SIG_UNBLOCK": return 1;
      case "SIG_BLOCK": return 0;
      case "SIG_SETMASK": return 2;
      default: return null;
    }
  }

  /** Comma-separated exit codes 0..255; {@code ''} is the empty list. */
  static Set<Integer> exitCodes(String value) throws ConfigException {
    Set<Integer> codes = new LinkedHashSet<>();
    if (value.isEmpty()) {
      return codes;
    }
    for (String part : value.split(",", -1)) {
      BigInteger code = PyInt.tryParse(part, 10);
      if (code == null || code.signum() < 0 || code.compareTo(BigInteger.valueOf(255)) > 0) {
        throw new ConfigException("not a valid list of exit codes: " + PyRepr.of(value));
      }
      codes.add(code.intValue());
    }
    return codes;
  }

  /** Comma-separated, each item stripped; empty items are kept; {@code ''} or null is empty. */
  static List<String> listOfStrings(String value) {
    List<String> out = new ArrayList<>();
    if (value == null || value.isEmpty()) {
      return out;
    }
    for (String part : value.split(",", -1)) {
      out.add(PyStr.strip(part));
    }
    return out;
  }

  /** A process or group name: stripped, and free of space, {@code :} and {@code /}. */
  static String name(String value) throws ConfigException {
    String s = PyStr.strip(value);
    for (char c : new char[] {' ', ':', '/'}) {
      if (s.indexOf(c) >= 0) {
        throw new ConfigException("Invalid name: " + PyRepr.of(value) + " because of character: "
            + PyRepr.of(String.valueOf(c)));
      }
    }
    return s;
  }

  /** {@code true}/{@code false} words, or {@code unexpected}, any case. */
  static AutoRestart autoRestart(String value) throws ConfigException {
    String v = PyStr.lower(value);
    switch (v) {
      case "yes": case "true": case "on": case "1":
        return AutoRestart.TRUE;
      case "no": case "false": case "off": case "0":
        return AutoRestart.FALSE;
      case "unexpected":
        return AutoRestart.UNEXPECTED;
      default:
        throw new ConfigException("invalid 'autorestart' value " + PyRepr.of(v));
    }
  }

  /** A level name, any case but not trimmed; {@code warning} is not one. */
  public static LogLevel logLevel(String value) throws ConfigException {
    String v = PyStr.lower(value);
    Optional<LogLevel> level = v.equals(PyStr.strip(v)) ? LogLevel.parse(v) : Optional.empty();
    return level.orElseThrow(() -> new ConfigException("bad logging level name " + PyRepr.of(value)));
  }

  /**
   * A URL as Supervisor's {@code url} type accepts it (Python's urlparse): a scheme, then a netloc
   * or a path, e.g. {@code unix:///tmp/s.sock} or {@code http://127.0.0.1:9001}.
   */
  static String url(String value) throws ConfigException {
    int colon = value.indexOf(':');
    boolean scheme = colon > 0 && value.charAt(0) < 0x80 && Character.isLetter(value.charAt(0))
        && value.substring(0, colon).chars().allMatch(
            c -> c < 0x80 && (Character.isLetterOrDigit(c) || c == '+' || c == '-' || c == '.'));
    if (scheme) {
      String rest = value.substring(colon + 1);
      rest = rest.substring(0, firstOf(rest, "?#", rest.length()));
      if (rest.startsWith("//")) {
        rest = rest.substring(2); // netloc, then path: either one will do
      }
      if (!rest.isEmpty()) {
        return value;
      }
    }
    throw new ConfigException("value " + PyRepr.of(value) + " is not a URL");
  }

  private static int firstOf(String s, String chars, int dflt) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return dflt;
  }

  /** A port number 1..65535 (Python int). */
  static int port(String value) throws ConfigException {
    BigInteger v = pyInt(value);
    if (v.compareTo(BigInteger.ONE) < 0) {
      throw new ConfigException(v + " is below lower bound (1)");
    }
    if (v.compareTo(BigInteger.valueOf(65535)) > 0) {
      throw new ConfigException(v + " is above upper bound (65535)");
    }
    return v.intValue();
  }

  /** {@code port}, {@code host:port}, {@code :port} or {@code *:port}; returns {host, port}. */
  static Object[] inetAddress(String value) throws ConfigException {
    String host = "";
    int port;
    int colon = value.lastIndexOf(':');
    if (colon >= 0) {
      host = PyStr.lower(value.substring(0, colon));
      String p = value.substring(colon + 1);
      if (p.isEmpty()) {
        throw new ConfigException("no port number specified in " + PyRepr.of(p));
      }
      port = port(p);
    } else {
      try {
        port = port(value);
      } catch (ConfigException e) {
        throw new ConfigException("not a valid port number: " + PyRepr.of(value) + " ");
      }
    }
    return new Object[] {host.equals("*") ? "" : host, port};
  }
}
