package dev.supervisor4j.daemon.runtime;

import com.sun.jna.Native;
import dev.supervisor4j.daemon.config.DaemonSettings;
import dev.supervisor4j.daemon.config.UserSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * What supervisord does to itself before it starts anything: drop to {@code user=}, then raise the
 * file and process limits to {@code minfds}/{@code minprocs}. Each returns main-log lines to
 * write once the log is open, or fails with the usage error Supervisor gives.
 */
final class StartupChecks {
  private static final int RLIMIT_NPROC = 6;
  private static final int RLIMIT_NOFILE = 7;
  private static final long RLIM_INFINITY = -1L;

  private StartupChecks() {}

  static List<String> run(DaemonSettings settings) throws StartupError {
    List<String> info = new ArrayList<>();
    UserSpec user = settings.user();
    if (user != null) {
      info.add(dropPrivileges(user));
    }
    boolean root = DaemonLibC.get().getuid() == 0;
    raise(RLIMIT_NOFILE, "RLIMIT_NOFILE", "minfds", "file descriptors", settings.minfds(), root, info);
    raise(RLIMIT_NPROC, "RLIMIT_NPROC", "minprocs", "processes", settings.minprocs(), root, info);
    return info;
  }

  private static String dropPrivileges(UserSpec user) throws StartupError {
    DaemonLibC c = DaemonLibC.get();
    int current = c.getuid();
    if (current != 0) {
      if (current == user.uid()) {
        return "Set uid to user " + user.uid() + " succeeded";
      }
      throw new StartupError("Can't drop privilege as nonroot user");
    }
    if (c.initgroups(DaemonLibC.cString(user.name()), user.gid()) != 0) {
      throw new StartupError("Could not set groups of effective user");
    }
    if (c.setgid(user.gid()) != 0) {
      throw new StartupError("Could not set group id of effective user");
    }
    if (c.setuid(user.uid()) != 0) {
      throw new StartupError("Can't drop privilege as nonroot user");
    }
    return "Set uid to user " + user.uid() + " succeeded";
  }

  private static void raise(int resource, String name, String option, String what, long min, boolean root,
      List<String> info) throws StartupError {
    long[] lim = new long[2];
    if (DaemonLibC.get().getrlimit(resource, lim) != 0) {
      return;
    }
    long soft = lim[0];
    long hard = lim[1];
    if (soft == RLIM_INFINITY || soft >= min) {
      return;
    }
    long newHard = hard;
    if (hard != RLIM_INFINITY && hard < min) {
      if (!root) {
        throw new StartupError("The minimum number of " + what + " required to run this process is " + min
            + " as per the \"" + option + "\" command-line argument or config file setting. The current "
            + "environment will only allow you to open " + hard + " " + what + ".  Either raise the number "
            + "of usable " + what + " in your environment or lower the " + option
            + " setting in the config file to allow the process to start.");
      }
      newHard = min;
    }
    if (DaemonLibC.get().setrlimit(resource, new long[] {min, newHard}) != 0) {
      throw new StartupError("could not raise " + name + " to " + min + " (errno " + Native.getLastError()
          + "); lower " + option + " in the config file");
    }
    info.add("Increased " + name + " limit to " + min);
  }
}
