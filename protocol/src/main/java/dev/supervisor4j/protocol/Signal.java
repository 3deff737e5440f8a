package dev.supervisor4j.protocol;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A Linux signal by number and by the name Python's {@code signal} module gives it. Only the numbers
 * supervisord accepts on Linux exist here: 0-31, 34 (SIGRTMIN) and 64 (SIGRTMAX).
 */
public record Signal(int number, String name) {

  public static final Signal HUP = new Signal(1, "SIGHUP");
  public static final Signal INT = new Signal(2, "SIGINT");
  public static final Signal QUIT = new Signal(3, "SIGQUIT");
  public static final Signal KILL = new Signal(9, "SIGKILL");
  public static final Signal USR1 = new Signal(10, "SIGUSR1");
  public static final Signal USR2 = new Signal(12, "SIGUSR2");
  public static final Signal TERM = new Signal(15, "SIGTERM");

  private static final Map<String, Integer> BY_NAME = new LinkedHashMap<>();
  private static final Map<Integer, String> BY_NUMBER = new LinkedHashMap<>();

  static {
    // Canonical names first (the ones printed), then aliases that parse.
    String[] canonical = {
      "SIG_DFL", "SIGHUP", "SIGINT", "SIGQUIT", "SIGILL", "SIGTRAP", "SIGABRT", "SIGBUS", "SIGFPE",
      "SIGKILL", "SIGUSR1", "SIGSEGV", "SIGUSR2", "SIGPIPE", "SIGALRM", "SIGTERM", "SIGSTKFLT",
      "SIGCHLD", "SIGCONT", "SIGSTOP", "SIGTSTP", "SIGTTIN", "SIGTTOU", "SIGURG", "SIGXCPU",
      "SIGXFSZ", "SIGVTALRM", "SIGPROF", "SIGWINCH", "SIGPOLL", "SIGPWR", "SIGSYS"
    };
    for (int i = 0; i < canonical.length; i++) {
      BY_NAME.put(canonical[i], i);
      BY_NUMBER.put(i, canonical[i]);
    }
    BY_NAME.put("SIGRTMIN", 34);
    BY_NUMBER.put(34, "SIGRTMIN");
    BY_NAME.put("SIGRTMAX", 64);
    BY_NUMBER.put(64, "SIGRTMAX");
    BY_NAME.put("SIGIOT", 6);
    BY_NAME.put("SIGCLD", 17);
    BY_NAME.put("SIGIO", 29);
  }

  /** The signal with this number, if supervisord knows it. */
  public static Optional<Signal> ofNumber(int number) {
    String name = BY_NUMBER.get(number);
    return name == null ? Optional.empty() : Optional.of(new Signal(number, name));
  }

  /**
   * Parses a name ({@code term}, {@code SIGTERM}, {@code " hup "}, any case) or a number, as
   * supervisord's config and {@code signalProcess} do.
   */
  public static Optional<Signal> parse(String text) {
    String s = text.strip();
    if (!s.isEmpty() && s.chars().allMatch(Character::isDigit)) {
      try {
        return ofNumber(Integer.parseInt(s));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    String upper = s.toUpperCase(Locale.ROOT);
    if (!upper.startsWith("SIG")) {
      upper = "SIG" + upper;
    }
    Integer n = BY_NAME.get(upper);
    return n == null ? Optional.empty() : Optional.of(new Signal(n, BY_NUMBER.get(n)));
  }

  /** The name used in supervisord's log lines: the Python name, or {@code signal N}. */
  public static String describe(int number) {
    String name = BY_NUMBER.get(number);
    return name == null ? "signal " + number : name;
  }
}
