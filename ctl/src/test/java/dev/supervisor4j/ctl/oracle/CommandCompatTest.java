package dev.supervisor4j.ctl.oracle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every command, Python's supervisorctl against ours, on one real supervisord 4.2.5: the same
 * stdout, stderr and exit status, after normalising uptimes and dates. Cases run in order: the
 * read-only ones first, then those that change state, each preceded by the same setup for both
 * clients so that both start from the same state.
 */
@Tag("compat")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommandCompatTest {
  private Path dir;
  private RealSupervisord daemon;
  /** Our own daemon on the same config, or null when its jar is not built. */
  private RealSupervisord ourDaemon;

  /**
   * One comparison.
   *
   * @param args  the command line after {@code -c <conf>}
   * @param setup Python supervisorctl commands run (output ignored) before each side
   * @param mode  how to compare: exactly, first line + line count (help texts are our own words),
   *              or with sorted lines (group results arrive in completion order)
   */
  record Case(String args, List<String> setup, Mode mode) {
    @Override
    public String toString() {
      return args.isEmpty() ? "(empty line)" : args;
    }
  }

  enum Mode { EXACT, HELP_FOLLOWS, HELP_ONLY, SORTED }

  static Case c(String args) {
    return new Case(args, List.of(), Mode.EXACT);
  }

  static Case help(String args) {
    return new Case(args, List.of(), Mode.HELP_FOLLOWS);
  }

  static Case helpOnly(String args) {
    return new Case(args, List.of(), Mode.HELP_ONLY);
  }

  static Case after(String setup, String args) {
    return new Case(args, List.of(setup), Mode.EXACT);
  }

  static Case sorted(String setup, String args) {
    return new Case(args, List.of(setup), Mode.SORTED);
  }

  static Stream<Case> cases() {
    return Stream.of(
        // status: widths, states, unknown names, exit 3/4
        c("status"), c("status cat"), c("status nosuch cat"), c("status nosuch sleeper"), c("status grp:*"),
        c("status grp:nosuch nog:*"), c("status all"), c("status grp:ga failer crasher"),
        // pid, version, avail
        c("pid"), c("pid all"), c("pid cat"), c("pid sleeper"), c("pid nosuch"), c("pid grp:*"),
        c("version"), help("version x"), c("avail"), help("avail x"),
        // tail and maintail
        c("tail crasher"), c("tail -5 grp:ga"), c("tail failer stderr"), c("tail -3 failer STDERR"),
        c("tail nosuch"), c("tail nolog"), c("tail -x cat"), c("tail cat bogus"), c("tail -0 crasher"),
        c("tail --3 crasher"), c("tail -2147483649 cat"), help("tail"), help("tail a b c d"), c("tail -f"),
        c("maintail -100"), help("maintail -f x"), c("maintail x"), c("maintail -1f"),
        // help and parsing
        c("help"), helpOnly("help status"), helpOnly("help help"), c("help nosuch"), c("help EOF"), helpOnly("? stop"), helpOnly("help tail"), helpOnly("help maintail"),
        c("foo-bar"), c("!ls"), c("EOF"), c("quit"), c("exit now"), c(""),
        // errors that change nothing
        c("clear grp:*"), c("clear nosuch"), c("signal FOO cat"), c("signal HUP nosuch"), c("signal HUP nog:*"),
        c("signal USR1 sleeper"), help("signal"), help("signal HUP"), help("start"), help("stop"),
        help("restart"), help("clear"), c("open foo://x"), c("update nosuch"), c("reread"),
        c("add nosuch"), c("add cat"), c("remove nosuch"), c("remove cat"), help("shutdown x"),
        help("reload x"), help("fg"), c("fg a b"), c("fg nosuch"), c("fg sleeper"), c("fg grp:*"),
        c("start cat"), c("stop sleeper"), c("start nosuch grp:nosuch nog:*"), c("stop nosuch nog:*"),
        // changes, each from the same state for both clients
        after("stop sleeper", "start sleeper"), after("start sleeper", "stop sleeper"),
        after("start sleeper", "restart sleeper cat"), c("signal HUP grp:*"), c("signal 18 cat grp:ga"),
        c("clear cat"), c("clear nolog crasher"), c("clear all"), sorted("stop grp:*", "start grp:*"),
        sorted("start grp:*", "stop grp:*"), sorted("stop grp:*", "restart grp:* cat"),
        after("start failer", "start failer"), sorted("stop all", "start all"), sorted("start all", "stop all"));
  }

  @BeforeAll
  void startDaemon(@TempDir Path tmp, @TempDir Path ourTmp) throws Exception {
    dir = tmp;
    Assumptions.assumeTrue(RealSupervisord.installed(), RealSupervisord.ABSENT);
    daemon = RealSupervisord.start(dir);
    ourDaemon = RealSupervisord.startOurs(ourTmp);
  }

  @AfterAll
  void stopDaemon() throws Exception {
    if (daemon != null) {
      daemon.close();
    }
    if (ourDaemon != null) {
      ourDaemon.close();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void sameAsPython(Case c) throws Exception {
    List<String> args = c.args().isEmpty() ? List.of("") : Arrays.asList(c.args().split(" "));
    setup(daemon, c);
    Ctl.Result python = Ctl.python(daemon, args).normalised();
    setup(daemon, c);
    Ctl.Result ours = Ctl.ours(daemon, args).normalised();
    compare(c, python, ours);
    if (ourDaemon != null && !DAEMON_SPECIFIC.contains(c.args())) {
      // The drop-in in full: our supervisorctl against our supervisord prints what Python's
      // supervisorctl prints against Supervisor 4.2.5.
      setup(ourDaemon, c);
      Ctl.Result pair = acrossDaemons(Ctl.ours(ourDaemon, args).normalised(), ourDaemon);
      compare(c, acrossDaemons(python, daemon), pair);
    }
  }

  /**
   * Cases whose output differs between two daemons by nature, not by behaviour: the main log's
   * text, and a state read just after HUP killed ga (we respawn it within milliseconds,
   * supervisord about a second later).
   */
  private static final java.util.Set<String> DAEMON_SPECIFIC = java.util.Set.of("maintail -100",
      "signal 18 cat grp:ga");

  /** Between two daemons pids, paths and ports differ by nature. */
  private static Ctl.Result acrossDaemons(Ctl.Result r, RealSupervisord d) {
    java.util.function.UnaryOperator<String> n = s -> s.replace(d.dir.toString(), "<DIR>")
        .replace(Integer.toString(d.port), "<PORT>")
        .replaceAll("pid \\d+", "pid <PID>")
        .replaceAll("(?m)^[1-9]\\d*$", "<PID>")
        .replaceAll("---supervisor-[a-z0-9_]{8}\\.log", "---supervisor-<X>.log");
    return new Ctl.Result(r.code(), n.apply(r.out()), n.apply(r.err()));
  }

  private void compare(Case c, Ctl.Result python, Ctl.Result ours) {
    switch (c.mode()) {
      case EXACT:
        assertEquals(python.toString(), ours.toString());
        break;
      case SORTED:
        assertEquals(sortedLines(python), sortedLines(ours));
        break;
      default:
        assertEquals(python.code(), ours.code(), ours.toString());
        assertEquals(python.err(), ours.err());
        List<String> p = python.out().lines().toList();
        List<String> o = ours.out().lines().toList();
        if (c.mode() == Mode.HELP_FOLLOWS) {
          assertEquals(p.get(0), o.get(0), ours.toString());
        }
        assertEquals(p.size(), o.size(), "help lines\n" + python + "\n" + ours);
        for (int i = c.mode() == Mode.HELP_FOLLOWS ? 1 : 0; i < p.size(); i++) {
          assertEquals(synopsis(p.get(i)), synopsis(o.get(i)), "help line " + i + "\n" + python + "\n" + ours);
        }
    }
  }

  private static void setup(RealSupervisord d, Case c) throws Exception {
    for (String s : c.setup()) {
      Ctl.python(d, Arrays.asList(s.split(" ")));
    }
    if (!c.setup().isEmpty()) {
      d.awaitSettled();
    }
  }

  private static String sortedLines(Ctl.Result r) {
    List<String> lines = new ArrayList<>(r.out().lines().toList());
    Collections.sort(lines);
    return "exit " + r.code() + "\n" + String.join("\n", lines) + "\n--- stderr ---\n" + r.err();
  }

  /** The usage part of a help line: up to the first tab, or the first word when there is none. */
  private static String synopsis(String line) {
    int tab = line.indexOf('\t');
    if (tab >= 0) {
      return line.substring(0, tab);
    }
    int space = line.indexOf(' ');
    return space < 0 ? line : line.substring(0, space);
  }
}
