package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.protocol.Fault;
import java.io.Closeable;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The stdin, stdout and (unless redirected) stderr pipes of one child, made before the spawn as
 * supervisord makes its dispatchers.
 *
 * <p>Design choice: {@code pipe2(O_CLOEXEC)}. Our stdin end is reopened through
 * {@code /proc/self/fd/N} as a {@link FileOutputStream} and the raw fd closed (Linux opens the same
 * pipe again), so the JDK owns it without reflection into {@code FileDescriptor}. Our read ends
 * stay raw descriptors ({@link PipeInputStream}), which the daemon's poll loop takes over. Linux
 * only. The child's ends stay raw until the spawn
 * has dup2'd them onto 0/1/2, then {@link #closeChildEnds} closes them here.
 */
final class ChildPipes {
  /**
   * The stdin of a child whose fd 0 is a socket: supervisord closes that channel at once, so a write
   * fails as on a closed pipe ({@code sendProcessStdin} answers NO_FILE).
   */
  private static final OutputStream NO_STDIN = new OutputStream() {
    @Override
    public void write(int b) throws IOException {
      throw new IOException("the process's stdin channel is closed (fd 0 is its FastCGI socket)");
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      write(0);
    }
  };

  private final LibC libc;
  private final String processName;
  private final List<Integer> raw = new ArrayList<>(); // fds still to close: the child ends
  private final List<Closeable> ours = new ArrayList<>();
  private int childStdin = -1;
  private int childStdout = -1;
  private int childStderr = -1;
  private ChildStreams streams;

  private ChildPipes(LibC libc, String processName) {
    this.libc = libc;
    this.processName = processName;
  }

  /**
   * @param stdinFd the fd to give the child as its fd 0 (an fcgi program's listening socket, which
   *                stays the caller's), or -1 for a stdin pipe
   * @throws SpawnException SPAWN_ERROR with supervisord's pipe-error texts
   */
  static ChildPipes open(LibC libc, String processName, boolean redirectStderr, int stdinFd)
      throws SpawnException {
    ChildPipes pipes = new ChildPipes(libc, processName);
    try {
      pipes.openAll(redirectStderr, stdinFd);
      return pipes;
    } catch (SpawnException | RuntimeException e) {
      pipes.closeAll();
      throw e;
    }
  }

  static ChildPipes open(LibC libc, String processName, boolean redirectStderr) throws SpawnException {
    return open(libc, processName, redirectStderr, -1);
  }

  private void openAll(boolean redirectStderr, int stdinFd) throws SpawnException {
    OutputStream stdin;
    if (stdinFd >= 0) {
      childStdin = stdinFd; // not ours to close
      stdin = NO_STDIN;
    } else {
      int[] in = pipe();
      childStdin = in[0];
      stdin = adopt(in[1], FileOutputStream::new);
    }
    int[] out = pipe();
    childStdout = out[1];
    PipeInputStream stdout = ourReadEnd(out[0]);
    PipeInputStream stderr = null;
    if (redirectStderr) {
      childStderr = childStdout; // supervisord: fd 2 is the stdout pipe, and there is no stderr pipe
    } else {
      int[] err = pipe();
      childStderr = err[1];
      stderr = ourReadEnd(err[0]);
    }
    streams = new ChildStreams(stdin, stdout, stderr);
  }

  int childStdin() {
    return childStdin;
  }

  int childStdout() {
    return childStdout;
  }

  int childStderr() {
    return childStderr;
  }

  ChildStreams streams() {
    return streams;
  }

  /** After the spawn: the child has its copies on 0/1/2, ours must go so EOF can happen. */
  void closeChildEnds() {
    for (int fd : raw) {
      libc.close(fd);
    }
    raw.clear();
  }

  /** After a failed spawn: nothing of this attempt stays open. */
  void closeAll() {
    closeChildEnds();
    for (Closeable c : ours) {
      try {
        c.close();
      } catch (IOException e) {
        // Already failing; the descriptor is released either way.
      }
    }
    ours.clear();
  }

  private int[] pipe() throws SpawnException {
    int[] fds = new int[2];
    if (libc.pipe2(fds, LibC.O_CLOEXEC) != 0) {
      throw pipeError(Errno.name(LibC.errno()));
    }
    // A daemon started with 0/1/2 closed could get them back here; the spawn's dup2 onto 0/1/2
    // would then clobber one pipe with another.
    fds[0] = aboveStdio(fds[0]);
    fds[1] = aboveStdio(fds[1]);
    raw.add(fds[0]);
    raw.add(fds[1]);
    return fds;
  }

  private int aboveStdio(int fd) throws SpawnException {
    if (fd > 2) {
      return fd;
    }
    int moved = libc.fcntl(fd, LibC.F_DUPFD_CLOEXEC, 3);
    int errno = LibC.errno();
    libc.close(fd);
    if (moved < 0) {
      throw pipeError(Errno.name(errno));
    }
    return moved;
  }

  /** Our read end stays a raw descriptor, so that the daemon's poll loop can take it. */
  private PipeInputStream ourReadEnd(int fd) {
    raw.remove(Integer.valueOf(fd));
    PipeInputStream stream = new PipeInputStream(libc, fd);
    ours.add(stream);
    return stream;
  }

  /** Reopens our end of a pipe as a JDK stream and closes the raw fd, success or not. */
  private <T extends Closeable> T adopt(int fd, ProcOpener<T> opener) throws SpawnException {
    try {
      T stream = opener.open("/proc/self/fd/" + fd);
      ours.add(stream);
      return stream;
    } catch (IOException e) {
      throw pipeError(e);
    } finally {
      raw.remove(Integer.valueOf(fd));
      libc.close(fd);
    }
  }

  private interface ProcOpener<T> {
    T open(String path) throws IOException;
  }

  private SpawnException pipeError(IOException e) {
    String text = String.valueOf(e.getMessage());
    if (text.contains("Too many open files in system")) {
      return pipeError("ENFILE");
    }
    return pipeError(text.contains("Too many open files") ? "EMFILE" : "EIO");
  }

  private SpawnException pipeError(String errnoName) {
    if (errnoName.equals("EMFILE")) {
      return new SpawnException(
          Fault.SPAWN_ERROR, "too many open files to spawn '" + processName + "'");
    }
    return new SpawnException(
        Fault.SPAWN_ERROR,
        "unknown error making dispatchers for '" + processName + "': " + errnoName);
  }
}
