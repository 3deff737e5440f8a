package dev.supervisor4j.ctl.command;

/**
 * What commands read and write. Lines go to stdout (Supervisor's {@code output()}), except the
 * few messages Supervisor writes to stderr (usage errors, log-stream errors). Input comes from the
 * shell's line reader when there is one (JLine on a terminal), else from stdin.
 */
public interface CtlIO {
  /** Thrown by the read methods when the user presses Ctrl-C (Python's KeyboardInterrupt). */
  final class Interrupted extends Exception {
    public Interrupted() {
      super("interrupted", null, false, false);
    }
  }

  /** Writes {@code text} and a newline to stdout. */
  void line(String text);

  /** Writes raw bytes to stdout and flushes (log streams). */
  void raw(byte[] bytes);

  /** Writes {@code text} and a newline to stderr (stdout is flushed first, to keep the order). */
  void errLine(String text);

  void flush();

  /**
   * Prints {@code prompt} and reads one line without its newline.
   *
   * @return null at end of input
   */
  String readLine(String prompt) throws Interrupted;

  /** Reads a line without echo when the input is a terminal (Python's getpass). */
  String readPassword(String prompt) throws Interrupted;

  /**
   * Runs {@code onInterrupt} (on another thread) when Ctrl-C arrives, until the returned handle is
   * closed: how {@code tail -f} and {@code fg} stop, like Python's KeyboardInterrupt.
   */
  AutoCloseable onInterrupt(Runnable onInterrupt);

  /** Releases what the input holds (a terminal, its history file); nothing for plain streams. */
  default void close() {}
}
