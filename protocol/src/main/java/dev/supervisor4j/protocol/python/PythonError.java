package dev.supervisor4j.protocol.python;

/**
 * A Python exception raised by one of this package's behaviours, where Supervisor catches it and
 * shows {@code str(exc)}: the message is CPython's text. One class for all of them keeps the
 * one-shot {@code supervisorctl} start small; {@link #pythonClass()} says which Python exception it
 * stands for.
 */
public final class PythonError extends Exception {
  private final String pythonClass;
  private final String key;

  private PythonError(String pythonClass, String message, String key) {
    super(message, null, false, false);
    this.pythonClass = pythonClass;
    this.key = key;
  }

  /** An exception whose {@code str()} is {@code message}, e.g. {@code ("GetoptError", "option -x not recognized")}. */
  public PythonError(String pythonClass, String message) {
    this(pythonClass, message, null);
  }

  /** Python's {@code KeyError(key)}: a lookup found no {@code key}. */
  static PythonError keyError(String key) {
    return new PythonError("KeyError", PyRepr.of(key), key);
  }

  /** The Python class name, as {@code type(exc).__name__} gives it. */
  public String pythonClass() {
    return pythonClass;
  }

  /** For a {@code KeyError}, the missing key; otherwise null. */
  public String key() {
    return key;
  }
}
