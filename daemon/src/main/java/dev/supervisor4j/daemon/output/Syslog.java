package dev.supervisor4j.daemon.output;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Where {@code logfile=syslog} and {@code *_syslog=true} send their lines: one message per line, as
 * Supervisor does through Python's {@code syslog.syslog(msg)}. That call opens the log on first use
 * with ident {@code supervisord} (the program's name), no options (no pid in the header) and the
 * {@code user} facility, and sends every message at {@code info}, whatever supervisord's level: the
 * level is in the text of a main-log line. So every message here is {@code <14>} (user.info).
 *
 * <p>A text becomes messages as Supervisor splits a record: trailing newlines dropped, then one
 * message per {@code \n}-separated piece (an empty piece in the middle is an empty message). Child
 * output is split per chunk read, not per line, as in Supervisor: a line cut by a read arrives as two
 * messages.
 *
 * <p>{@link #libc()} is the C library's {@code openlog}/{@code syslog} (which write to
 * {@code /dev/log}); tests pass their own.
 */
public interface Syslog {
  /** {@code LOG_USER}, the facility Python's syslog module opens the log with by default. */
  int LOG_USER = 1 << 3;
  /** {@code LOG_INFO}, the priority of Python's {@code syslog.syslog(msg)}. */
  int LOG_INFO = 6;
  /** The priority of every message, main log or child output: {@code <14>} on the wire. */
  int USER_INFO = LOG_USER | LOG_INFO;
  /** The ident of every message: Python takes the base name of {@code sys.argv[0]}. */
  String IDENT = "supervisord";

  /**
   * Sends one message (UTF-8, or raw child bytes, without a NUL terminator) at {@code priority}, a
   * facility or-ed with a level. Never throws: syslog is best-effort, as the C library's is.
   */
  void send(int priority, byte[] message);

  /** The C library's syslog, opened on first use with {@link #IDENT} and {@link #LOG_USER}. */
  static Syslog libc() {
    return LibcSyslog.INSTANCE;
  }

  /** The pieces of {@code text} that become messages: trailing newlines dropped, split at each newline. */
  static List<String> lines(String text) {
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    List<String> lines = new ArrayList<>();
    int from = 0;
    for (int i = 0; i < end; i++) {
      if (text.charAt(i) == '\n') {
        lines.add(text.substring(from, i));
        from = i + 1;
      }
    }
    lines.add(text.substring(from, end));
    return lines;
  }

  /** {@code text} as UTF-8 bytes, for {@link #send}. */
  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
