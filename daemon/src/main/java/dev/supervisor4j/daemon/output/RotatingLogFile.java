package dev.supervisor4j.daemon.output;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * A log file that rotates by size exactly as Supervisor's {@code RotatingFileHandler}: after every
 * write (a child's pipe read, or one main-log record) the size is checked, and once it is at least
 * {@code maxBytes} the file is closed, {@code .N-1→.N … .1→.2} and {@code file→.1} are renamed (the
 * oldest backup is overwritten), and a new empty file is opened. With {@code backups == 0} the file
 * is truncated instead; with {@code maxBytes == 0} it never rotates. One large write may overshoot
 * the limit by up to its own length: Supervisor does the same, and it keeps a write whole.
 *
 * <p>The file is always opened in append mode (also after a rotation, where Supervisor uses "wb"),
 * so an external {@code copytruncate} or a second writer cannot leave holes. The size checked is the
 * file's size ({@code fstat}, one syscall per write) rather than a counter, so such external changes
 * are seen too. Only regular files rotate: {@code /dev/stdout} or a FIFO is written and never renamed.
 *
 * <p>Thread-safety: one monitor. Writes come from one pump thread; {@link #reopen} (SIGUSR2),
 * {@link #clear} (RPC) and {@link #close} come from others. An uncontended monitor per 64 KiB write
 * costs nothing measurable. Nothing is buffered in memory: a write returns when the kernel has the
 * bytes, so a slow disk blocks the pump and, through the pipe, the child.
 *
 * <p>Lifecycle (both are one {@code open(2)}): either open one per channel when the process is built
 * and call {@link #reopen} at each spawn (Supervisor reopens in append mode at every spawn; this way
 * RPC clear and SIGUSR2 also work while the process is stopped), or open a new one per spawn. EOF on
 * the pipe does not close the file ({@link #eof} is a no-op): whoever opened it closes it, after the
 * pump has completed.
 */
public final class RotatingLogFile implements OutputSink, Closeable {
  private final Path path;
  private final long maxBytes;
  private final int backups;
  private FileChannel channel; // null while closed; guarded by this
  private boolean rotatable; // a regular file; guarded by this

  private RotatingLogFile(Path path, long maxBytes, int backups) {
    if (maxBytes < 0 || backups < 0) {
      throw new IllegalArgumentException("maxBytes and backups must be >= 0");
    }
    this.path = path;
    this.maxBytes = maxBytes;
    this.backups = backups;
  }

  /**
   * Opens (creating it with the process umask if needed) {@code path} for appending.
   *
   * @param maxBytes rotate once the file is at least this big; 0 means never
   * @param backups  how many {@code .N} files to keep; 0 means truncate on rotation
   */
  public static RotatingLogFile open(Path path, long maxBytes, int backups) throws IOException {
    RotatingLogFile file = new RotatingLogFile(path, maxBytes, backups);
    synchronized (file) {
      file.openAppend();
    }
    return file;
  }

  public Path path() {
    return path;
  }

  public long maxBytes() {
    return maxBytes;
  }

  public int backups() {
    return backups;
  }

  /** The {@code n}th backup's path: {@code <path>.<n>}. */
  public Path backup(int n) {
    return path.resolveSibling(path.getFileName() + "." + n);
  }

  /** Appends the bytes, then rotates if the file reached {@code maxBytes}. */
  @Override
  public synchronized void write(byte[] buf, int off, int len) throws IOException {
    FileChannel ch = channel;
    if (ch == null) {
      throw new ClosedChannelException();
    }
    ByteBuffer bb = ByteBuffer.wrap(buf, off, len);
    while (bb.hasRemaining()) {
      ch.write(bb);
    }
    if (maxBytes > 0 && rotatable && ch.size() >= maxBytes) {
      rotate();
    }
  }

  /** Closes and reopens the path in append mode: after an external rename the writes go to a new file. */
  public synchronized void reopen() throws IOException {
    closeQuietly();
    openAppend();
  }

  /**
   * Deletes the file and opens a new empty one, as RPC {@code clearProcessLogs} does. Backups are
   * left alone: Supervisor 4.2.5 removes only the base file (checked against the real daemon).
   */
  public synchronized void clear() throws IOException {
    closeQuietly();
    Files.deleteIfExists(path);
    openAppend();
  }

  /** The current size of the file in bytes (0 if it does not exist). */
  public synchronized long size() throws IOException {
    if (channel != null) {
      return channel.size();
    }
    return Files.exists(path) ? Files.size(path) : 0;
  }

  public synchronized boolean isOpen() {
    return channel != null;
  }

  /** Closes the file; later writes fail until {@link #reopen}. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      ch.close();
    }
  }

  private void rotate() throws IOException {
    closeQuietly();
    try {
      if (backups > 0) {
        for (int i = backups - 1; i >= 1; i--) {
          Path older = backup(i);
          if (Files.exists(older)) {
            renameReplacing(older, backup(i + 1));
          }
        }
        renameReplacing(path, backup(1));
        openAppend();
      } else {
        openAppend();
        channel.truncate(0);
      }
    } finally {
      if (channel == null) {
        openAppend(); // keep logging to the base file even if a rename failed
      }
    }
  }

  /** Supervisor ignores a source that vanished (a cleanup script removed the active log). */
  private static void renameReplacing(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException vanished) {
      // supervisord: removeAndRename ignores ENOENT
    }
  }

  private void openAppend() throws IOException {
    channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.APPEND);
    rotatable = Files.isRegularFile(path);
  }

  private void closeQuietly() {
    FileChannel ch = channel;
    channel = null;
    if (ch != null) {
      try {
        ch.close();
      } catch (IOException ignored) {
        // the data was already handed to the kernel; nothing left to save
      }
    }
  }

  @Override
  public String toString() {
    return "RotatingLogFile[" + path + ", maxBytes=" + maxBytes + ", backups=" + backups + "]";
  }
}
