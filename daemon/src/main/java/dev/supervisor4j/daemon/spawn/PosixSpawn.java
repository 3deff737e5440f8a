package dev.supervisor4j.daemon.spawn;

import com.sun.jna.Memory;

/**
 * One posix_spawn(3) call with supervisord's child set-up: pipes onto 0/1/2, every other fd closed,
 * a new session (so pgid = sid = pid), default signal dispositions and an empty signal mask.
 *
 * <p>Design choice: glibc's posix_spawn (clone with CLONE_VM|CLONE_VFORK, then exec) runs no Java
 * code in the child, which a fork from the JVM could not promise, and it reports exec errors to
 * the parent as its return value. The credentials, working directory and umask come from the
 * calling thread (see {@link SpawnThread}), so every child is the program itself, with no wrapper.
 *
 * <p>Differences from supervisord, on purpose: {@code setsid()} rather than {@code setpgrp()} (the
 * child also leaves the daemon's session and terminal; signals to groups behave the same), and
 * SIGPIPE/SIGXFSZ start at their defaults, where supervisord's children inherit Python's
 * SIG_IGN for both. (glibc itself leaves its internal signals 32 and 33 ignored in the child;
 * glibc programs install their own handlers for them at start-up.)
 *
 * <p>Holds native buffers reused between calls: confine an instance to one thread.
 */
final class PosixSpawn {
  private static final short POSIX_SPAWN_SETSIGDEF = 0x04;
  private static final short POSIX_SPAWN_SETSIGMASK = 0x08;
  private static final short POSIX_SPAWN_SETSID = 0x80;
  // Larger than glibc's posix_spawnattr_t (336 bytes) and posix_spawn_file_actions_t (80).
  private static final int OPAQUE_SIZE = 1024;
  private static final int SIGSET_SIZE = 128;

  private final LibC libc;
  private final Memory actions = new Memory(OPAQUE_SIZE);
  private final Memory attr = new Memory(OPAQUE_SIZE);
  private final Memory noSignals = new Memory(SIGSET_SIZE);
  private final Memory allSignals = new Memory(SIGSET_SIZE);

  PosixSpawn(LibC libc) {
    this.libc = libc;
    libc.sigemptyset(noSignals);
    libc.sigfillset(allSignals);
  }

  /**
   * Spawns {@code args} with the given child fds on 0, 1 and 2.
   *
   * @param pidOut receives the pid on success
   * @return 0, or the errno of the clone or of the child's dup2/exec
   */
  int spawn(NativeArgs args, int stdin, int stdout, int stderr, int[] pidOut) {
    actions.clear();
    attr.clear();
    int rc = libc.posix_spawn_file_actions_init(actions);
    if (rc != 0) {
      return rc;
    }
    try {
      rc = libc.posix_spawnattr_init(attr);
      if (rc != 0) {
        return rc;
      }
      try {
        rc = prepare(stdin, stdout, stderr);
        if (rc != 0) {
          return rc;
        }
        return libc.posix_spawn(pidOut, args.path(), actions, attr, args.argv(), args.envp());
      } finally {
        libc.posix_spawnattr_destroy(attr);
      }
    } finally {
      libc.posix_spawn_file_actions_destroy(actions);
    }
  }

  private int prepare(int stdin, int stdout, int stderr) {
    int rc = libc.posix_spawn_file_actions_adddup2(actions, stdin, 0);
    rc = rc != 0 ? rc : libc.posix_spawn_file_actions_adddup2(actions, stdout, 1);
    rc = rc != 0 ? rc : libc.posix_spawn_file_actions_adddup2(actions, stderr, 2);
    // supervisord closes fds 3..minfds-1; the JVM has many fds without FD_CLOEXEC.
    rc = rc != 0 ? rc : libc.posix_spawn_file_actions_addclosefrom_np(actions, 3);
    short flags = (short) (POSIX_SPAWN_SETSID | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    rc = rc != 0 ? rc : libc.posix_spawnattr_setflags(attr, flags);
    rc = rc != 0 ? rc : libc.posix_spawnattr_setsigmask(attr, noSignals);
    return rc != 0 ? rc : libc.posix_spawnattr_setsigdefault(attr, allSignals);
  }
}
