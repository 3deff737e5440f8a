package dev.supervisor4j.daemon.spawn;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The glibc functions the spawner needs, bound once through JNA interface mapping.
 *
 * <p>Design choice: functions return their raw result and callers read {@link #errno()} right
 * after a failure, instead of declaring {@code throws LastErrorException}. Some calls run while the
 * spawner thread has switched to another user (see {@link ThreadCredentials}); an exception path
 * there would load classes at the worst moment. Cost: every caller checks its own result.
 *
 * <p>Loading costs 250-300 ms once (JNA unpacks its dispatch library); a call then costs about
 * 10 µs. Strings are passed as NUL-terminated UTF-8 {@code byte[]} (see {@link #cString}) so the
 * JVM's {@code file.encoding} cannot change what the kernel sees. Linux/glibc (2.34+) only.
 */
interface LibC extends Library {
  int O_CLOEXEC = 0x80000;
  int O_PATH = 0x200000;
  int F_DUPFD_CLOEXEC = 1030;
  int CLONE_FS = 0x200;
  int P_ALL = 0;
  int WNOHANG = 1;
  int WEXITED = 4;
  int WNOWAIT = 0x1000000;
  int EINTR = 4;
  int ESRCH = 3;
  int EAGAIN = 11;
  int ENOMEM = 12;
  int ECHILD = 10;
  int EMFILE = 24;
  int AF_UNIX = 1;
  int AF_INET = 2;
  int SOCK_STREAM = 1;
  int SOCK_CLOEXEC = 0x80000;
  int SOL_SOCKET = 1;
  int SO_REUSEADDR = 2;
  /** Python's {@code socket.SOMAXCONN} on Linux: the backlog when {@code socket_backlog} is unset. */
  int SOMAXCONN = 4096;

  int kill(int pid, int sig);

  int socket(int domain, int type, int protocol);

  int setsockopt(int fd, int level, int name, int[] value, int length);

  int bind(int fd, byte[] address, int length);

  int listen(int fd, int backlog);

  int chmod(byte[] path, int mode);

  int chown(byte[] path, int uid, int gid);

  int unlink(byte[] path);

  String strerror(int errno);

  int pipe2(int[] fds, int flags);

  int close(int fd);

  long read(int fd, byte[] buf, long count);

  int fcntl(int fd, int cmd, int arg);

  int open(byte[] path, int flags);

  int chdir(byte[] path);

  int fchdir(int fd);

  int umask(int mask);

  int unshare(int flags);

  int getresuid(int[] ruid, int[] euid, int[] suid);

  int getresgid(int[] rgid, int[] egid, int[] sgid);

  int getgroups(int size, int[] list);

  int getgrouplist(byte[] user, int group, int[] groups, int[] ngroups);

  int getpwuid_r(int uid, Pointer pwd, Pointer buf, long buflen, PointerByReference result);

  /** The raw syscall(2): the credential setters must bypass glibc, which applies them to every thread. */
  long syscall(long number, long a, long b, long c);

  long syscall(long number, long count, int[] list);

  int prctl(int option, long arg2, long arg3, long arg4, long arg5);

  int waitid(int idtype, int id, Pointer info, int options);

  int waitpid(int pid, int[] status, int options);

  int posix_spawn(int[] pid, byte[] path, Pointer actions, Pointer attr, Pointer argv, Pointer envp);

  int posix_spawn_file_actions_init(Pointer actions);

  int posix_spawn_file_actions_destroy(Pointer actions);

  int posix_spawn_file_actions_adddup2(Pointer actions, int fd, int newfd);

  int posix_spawn_file_actions_addclosefrom_np(Pointer actions, int from);

  int posix_spawnattr_init(Pointer attr);

  int posix_spawnattr_destroy(Pointer attr);

  int posix_spawnattr_setflags(Pointer attr, short flags);

  int posix_spawnattr_setsigmask(Pointer attr, Pointer set);

  int posix_spawnattr_setsigdefault(Pointer attr, Pointer set);

  int sigemptyset(Pointer set);

  int sigfillset(Pointer set);

  /** The shared binding, loaded on first use. */
  static LibC get() {
    return Holder.INSTANCE;
  }

  /** errno of the last failed call on this thread (JNA saves it after every call). */
  static int errno() {
    return Native.getLastError();
  }

  static byte[] cString(String s) {
    byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
    return Arrays.copyOf(utf8, utf8.length + 1);
  }

  /** Lazy holder: the 250 ms load happens when the spawner or a signal first needs libc. */
  final class Holder {
    static final LibC INSTANCE = Native.load("c", LibC.class);

    private Holder() {}
  }
}
