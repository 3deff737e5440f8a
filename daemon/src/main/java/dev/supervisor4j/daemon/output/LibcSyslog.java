package dev.supervisor4j.daemon.output;

import com.sun.jna.Library;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.util.Arrays;

/**
 * {@link Syslog} through glibc's {@code openlog(3)} and {@code syslog(3)}, bound with JNA.
 *
 * <p>The message is always passed as the argument of a {@code "%s"} format, never as the format, so a
 * {@code %} in child output is text. {@code openlog} keeps the ident pointer it is given, so the ident
 * lives in native memory held by this class for the life of the JVM. glibc serializes concurrent
 * calls (pumps of several processes, the main log) under its own lock, and reconnects to
 * {@code /dev/log} by itself when a send fails; when nothing listens there the message is lost, as
 * it is for Supervisor.
 */
final class LibcSyslog implements Syslog {
  static final LibcSyslog INSTANCE = new LibcSyslog();

  private static final byte[] FORMAT = {'%', 's', 0};

  /** The two calls; the rest of libc is bound elsewhere (spawn, runtime) for their own needs. */
  interface Calls extends Library {
    void openlog(Pointer ident, int option, int facility);

    void syslog(int priority, byte[] format, Object... args);
  }

  private volatile boolean reported;

  private LibcSyslog() {}

  /** Loaded and opened on first use: JNA's set-up costs a few hundred milliseconds once. */
  private static final class Holder {
    static final Calls C = Native.load("c", Calls.class);
    static final Memory IDENT = new Memory(Syslog.IDENT.length() + 1);

    static {
      IDENT.setString(0, Syslog.IDENT, "US-ASCII");
      C.openlog(IDENT, 0, Syslog.LOG_USER);
    }

    private Holder() {}
  }

  @Override
  public void send(int priority, byte[] message) {
    byte[] text = Arrays.copyOf(message, message.length + 1); // NUL-terminated
    try {
      Holder.C.syslog(priority, FORMAT, (Object) text);
    } catch (RuntimeException | LinkageError e) {
      if (!reported) { // once: syslog is best-effort, and the main log may be this very syslog
        reported = true;
        System.err.println("supervisord: cannot send to syslog: " + e);
      }
    }
  }
}
