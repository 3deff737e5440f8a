package dev.supervisor4j.daemon.spawn;

import com.sun.jna.Memory;
import com.sun.jna.ptr.PointerByReference;
import dev.supervisor4j.daemon.config.UserSpec;
import java.util.Arrays;

/**
 * supervisord's {@code drop_privileges} for {@code user=}, applied to the spawner thread only, so
 * that the child posix_spawn clones from it starts as that user and no wrapper (setpriv) is needed.
 *
 * <p>Design choice: Linux keeps credentials per thread, and glibc's setuid family makes all
 * threads agree by signalling each of them. The raw syscalls change only the calling thread.
 * The thread switches to groups = [gid] + the user's groups, gid = (gid, gid, gid) and
 * uid = (uid, uid, unchanged). The saved uid stays root so that {@link #restore} can switch back.
 * The child loses the root saved uid when it execs (the kernel copies the effective uid to
 * the saved one), and with real and effective uid non-zero it keeps no capabilities.
 *
 * <p>Cost and risk: while switched, this JVM thread runs as the user, so it must not load classes
 * from files or open files. The window is a few native calls on pre-built arguments, and
 * {@link SpawnThread} warms every call up first. If switching back ever fails, the spawner
 * refuses all later spawns rather than spawn as the wrong user. Linux x86_64 and aarch64 only.
 */
final class ThreadCredentials {
  private record Syscalls(long setgroups, long setresuid, long setresgid) {}

  private final LibC libc;
  private final Syscalls nr;
  private final int[] uids = new int[3]; // real, effective, saved
  private final int[] gids = new int[3];
  private final int[] groups;
  private boolean switched;

  private ThreadCredentials(LibC libc) {
    this.libc = libc;
    this.nr = syscallsForArch(System.getProperty("os.arch")); // null: user= unsupported here
    int[][] u = {{0}, {0}, {0}};
    libc.getresuid(u[0], u[1], u[2]);
    int[][] g = {{0}, {0}, {0}};
    libc.getresgid(g[0], g[1], g[2]);
    for (int i = 0; i < 3; i++) {
      uids[i] = u[i][0];
      gids[i] = g[i][0];
    }
    int n = libc.getgroups(0, null);
    int[] list = new int[Math.max(n, 0)];
    n = libc.getgroups(list.length, list);
    this.groups = Arrays.copyOf(list, Math.max(n, 0));
  }

  /** Captures the calling thread's current credentials, to return to after each spawn. */
  static ThreadCredentials capture(LibC libc) {
    return new ThreadCredentials(libc);
  }

  /** Makes the first real switch run only code paths already used: every call, as a no-op. */
  void warmUp() {
    if (nr == null) {
      return;
    }
    libc.syscall(nr.setresuid(), -1, -1, -1);
    libc.syscall(nr.setresgid(), -1, -1, -1);
    if (uids[1] == 0) {
      libc.syscall(nr.setgroups(), groups.length, groups);
    }
  }

  /**
   * Becomes {@code user} on this thread, with supervisord's rules and texts.
   *
   * @return null on success (or when we already are that user), else what the child reports
   */
  InChildFailure become(UserSpec user) {
    if (user.uid() == uids[0]) {
      return null; // supervisord: "do nothing and return successfully" for the current uid
    }
    String setuid = "couldn't setuid to " + user.uid() + ": ";
    if (uids[0] != 0) {
      return new InChildFailure(setuid + "Can't drop privilege as nonroot user");
    }
    if (nr == null) {
      throw new IllegalStateException("user= is not supported on " + System.getProperty("os.arch"));
    }
    int[] userGroups = groupsOf(user);
    switched = true;
    if (libc.syscall(nr.setgroups(), userGroups.length, userGroups) != 0) {
      return new InChildFailure(setuid + "Could not set groups of effective user");
    }
    if (libc.syscall(nr.setresgid(), user.gid(), user.gid(), user.gid()) != 0) {
      return new InChildFailure(setuid + "Could not set group id of effective user");
    }
    if (libc.syscall(nr.setresuid(), user.uid(), user.uid(), -1) != 0) {
      return InChildFailure.bare(); // supervisord's os.setuid raises: only the closing line
    }
    return null;
  }

  /**
   * Returns the thread to the captured credentials after {@link #become}.
   *
   * @throws IllegalStateException if the kernel refuses; the thread must not spawn again
   */
  void restore() {
    if (!switched) {
      return;
    }
    // The uid first: as root again we may set the gid and the groups back.
    if (libc.syscall(nr.setresuid(), uids[0], uids[1], uids[2]) != 0
        || libc.syscall(nr.setresgid(), gids[0], gids[1], gids[2]) != 0
        || libc.syscall(nr.setgroups(), groups.length, groups) != 0) {
      throw new IllegalStateException(
          "could not restore the spawner thread's credentials: " + Errno.name(LibC.errno()));
    }
    switched = false;
  }

  /** [gid] followed by every group that lists the user, as supervisord's setgroups list. */
  private int[] groupsOf(UserSpec user) {
    String name = user.name().chars().allMatch(Character::isDigit) ? nameOf(user.uid()) : user.name();
    if (name == null) {
      return new int[] {user.gid()};
    }
    byte[] cName = LibC.cString(name);
    int[] count = {32};
    while (true) {
      int[] list = new int[count[0]];
      int want = count[0];
      if (libc.getgrouplist(cName, user.gid(), list, count) >= 0) {
        return Arrays.copyOf(list, count[0]); // glibc puts the given gid first
      }
      if (count[0] <= want) {
        count[0] = want * 2;
      }
    }
  }

  /** pw_name for a numeric {@code user=}, which supervisord looks up with getpwuid. */
  private String nameOf(int uid) {
    try (Memory pwd = new Memory(128); Memory buf = new Memory(16384)) {
      PointerByReference result = new PointerByReference();
      if (libc.getpwuid_r(uid, pwd, buf, buf.size(), result) != 0 || result.getValue() == null) {
        return null;
      }
      return pwd.getPointer(0).getString(0, "UTF-8"); // struct passwd starts with pw_name
    }
  }

  private static Syscalls syscallsForArch(String arch) {
    return switch (arch) {
      case "amd64", "x86_64" -> new Syscalls(116, 117, 119);
      case "aarch64" -> new Syscalls(159, 147, 149);
      default -> null;
    };
  }
}
