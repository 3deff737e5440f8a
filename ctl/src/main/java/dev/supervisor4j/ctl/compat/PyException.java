package dev.supervisor4j.ctl.compat;

/**
 * A failure described the way Python's supervisorctl would name it, because its catch-all prints
 * {@code error: <class 'X'>, <str(exc)>: file: ... line: ...} and scripts match on that text.
 * {@code errno} lets the callers that Supervisor gives special treatment ({@code ECONNREFUSED},
 * {@code ENOENT}) recognise socket errors.
 */
public final class PyException extends RuntimeException {
  /** Linux errno values supervisorctl checks. */
  public static final int ENOENT = 2;
  public static final int ECONNREFUSED = 111;

  private final String pyClass;
  private final int errno;

  /**
   * @param pyClass the Python class as {@code str(type)} names it, without {@code <class '...'>}
   * @param message {@code str(exc)}
   * @param errno   the errno for OSError subclasses, else 0
   */
  public PyException(String pyClass, String message, int errno, Throwable cause) {
    super(message, cause, false, false);
    this.pyClass = pyClass;
    this.errno = errno;
  }

  public PyException(String pyClass, String message) {
    this(pyClass, message, 0, null);
  }

  /** An OSError subclass with Python's {@code [Errno n] text} message. */
  public static PyException os(String pyClass, int errno, String text, Throwable cause) {
    return new PyException(pyClass, "[Errno " + errno + "] " + text, errno, cause);
  }

  public String pyClass() {
    return pyClass;
  }

  public int errno() {
    return errno;
  }
}
