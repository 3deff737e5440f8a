package dev.supervisor4j.daemon.output;

import com.sun.jna.Native;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;

/**
 * The system calls of the {@link PipeLoop}, bound by JNA direct mapping: a call costs well under a
 * microsecond (interface mapping costs about 10), and the loop makes three per chunk of output.
 * errno after a failed call: {@link Native#getLastError()}. Linux only.
 */
final class PipeCalls {
  static final int EPOLL_CLOEXEC = 0x80000;
  static final int EPOLL_CTL_ADD = 1;
  static final int EPOLL_CTL_DEL = 2;
  static final int EPOLL_CTL_MOD = 3;
  static final int EPOLLIN = 0x001;
  static final int EPOLLERR = 0x008;
  static final int EPOLLHUP = 0x010;
  static final int EPOLLONESHOT = 1 << 30;
  static final int EFD_CLOEXEC = 0x80000;
  static final int EFD_NONBLOCK = 0x800;
  static final int F_GETFL = 3;
  static final int F_SETFL = 4;
  static final int O_NONBLOCK = 0x800;
  static final int EINTR = 4;
  static final int EAGAIN = 11;

  /** {@code struct epoll_event}: packed (12 bytes) on x86-64, 16 bytes with the data at 8 elsewhere. */
  static final int EVENT_SIZE = Platform.isIntel() && Platform.is64Bit() ? 12 : 16;
  static final int EVENT_DATA = Platform.isIntel() && Platform.is64Bit() ? 4 : 8;

  static {
    Native.register(PipeCalls.class, "c");
  }

  private PipeCalls() {}

  static native int epoll_create1(int flags);

  static native int epoll_ctl(int epfd, int op, int fd, Pointer event);

  static native int epoll_wait(int epfd, Pointer events, int maxevents, int timeout);

  static native long read(int fd, Pointer buf, long count);

  static native long write(int fd, Pointer buf, long count);

  static native int close(int fd);

  static native int fcntl(int fd, int cmd, int arg);

  static native int eventfd(int initval, int flags);
}
