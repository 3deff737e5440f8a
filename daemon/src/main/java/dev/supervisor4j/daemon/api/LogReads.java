package dev.supervisor4j.daemon.api;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.LogTail;
import dev.supervisor4j.protocol.SupervisorFault;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * supervisord's log reads, byte for byte: {@code readLog}/{@code readProcess*Log} (offset/length
 * rules) and {@code tailProcess*Log} (always the last bytes, whatever the offset). Blocking file
 * I/O: callers run these off the actor threads.
 */
final class LogReads {
  /** A read larger than this is cut: one XML-RPC answer should not hold a whole rotated log. */
  private static final int MAX_READ = 64 * 1024 * 1024;

  private LogReads() {}

  /** readLog's rules; {@code file} null or missing is NO_FILE (detail: the path, if any). */
  static String read(Path file, long offset, long length) {
    if (file == null || !Files.exists(file)) {
      throw new SupervisorFault(Fault.NO_FILE, file == null ? null : file.toString());
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      long from;
      long count;
      if (offset < 0) {
        if (length != 0) {
          throw new SupervisorFault(Fault.BAD_ARGUMENTS);
        }
        from = Math.max(0, size + offset);
        count = -offset;
      } else {
        if (length < 0) {
          throw new SupervisorFault(Fault.BAD_ARGUMENTS);
        }
        from = offset;
        count = length == 0 ? size - offset : length;
      }
      return decode(readAt(f, from, count, size));
    } catch (IOException e) {
      throw new SupervisorFault(Fault.FAILED);
    }
  }

  /** tailProcess*Log's rules (supervisord's tailFile); a missing file gives ['', 0, false]. */
  static LogTail tail(Path file, long offset, long length) {
    if (file == null || !Files.exists(file)) {
      return new LogTail("", 0, false);
    }
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
      long size = f.length();
      boolean overflow = false;
      if (size > offset + length) {
        overflow = true;
        offset = size - 1;
      }
      if (offset + length > size) {
        if (offset > size - 1) {
          length = 0;
        }
        offset = Math.max(0, size - length);
        length = Math.max(0, length);
      }
      String data = length == 0 ? "" : decode(readAt(f, offset, length, size));
      return new LogTail(data, size, overflow);
    } catch (IOException e) {
      return new LogTail("", offset, false);
    }
  }

  private static byte[] readAt(RandomAccessFile f, long from, long count, long size) throws IOException {
    long available = Math.max(0, size - from);
    int n = (int) Math.min(Math.min(count, available), MAX_READ);
    if (n <= 0) {
      return new byte[0];
    }
    byte[] buf = new byte[n];
    f.seek(from);
    f.readFully(buf);
    return buf;
  }

  /** UTF-8 with U+FFFD for invalid bytes: supervisord answers HTTP 500 there, we answer text. */
  static String decode(byte[] bytes) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new IllegalStateException(e); // cannot happen with REPLACE
    }
  }
}
