package dev.supervisor4j.ctl.http;

import java.io.EOFException;
import java.io.IOException;

/**
 * Decodes a chunked body as it arrives: {@link #next()} hands out the bytes of the current chunk
 * as soon as any are read (a log tail must not wait for a whole chunk), and null after the last
 * chunk or when the server closes. Chunk extensions after {@code ;} are ignored.
 */
public final class ChunkedDecoder {
  private final HttpConnection connection;
  private long remainingInChunk;
  private boolean done;

  public ChunkedDecoder(HttpConnection connection) {
    this.connection = connection;
  }

  /** The next piece of body data, or null at the end. */
  public byte[] next() throws IOException {
    while (!done) {
      if (remainingInChunk > 0) {
        byte[] some = connection.readSome((int) Math.min(remainingInChunk, 65536));
        if (some == null) {
          done = true;
          return null;
        }
        remainingInChunk -= some.length;
        if (remainingInChunk == 0) {
          connection.readLine(); // the CRLF that ends the chunk data
        }
        return some;
      }
      String line = connection.readLine();
      if (line == null) {
        done = true;
        return null;
      }
      if (line.isBlank()) {
        continue; // the client of Supervisor skips blank size lines too
      }
      long size = parseSize(line);
      if (size == 0) {
        // Trailers end with an empty line; the stream is over either way.
        done = true;
        return null;
      }
      remainingInChunk = size;
    }
    return null;
  }

  /** Reads the whole chunked body. */
  public static byte[] readAll(HttpConnection c) throws IOException {
    ChunkedDecoder d = new ChunkedDecoder(c);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] piece;
    while ((piece = d.next()) != null) {
      out.write(piece, 0, piece.length);
    }
    return out.toByteArray();
  }

  static long parseSize(String line) throws IOException {
    String s = line.trim();
    int end = 0;
    while (end < s.length() && Character.digit(s.charAt(end), 16) >= 0) {
      end++;
    }
    if (end == 0 || end > 15) {
      throw new EOFException("bad chunk size line: " + line);
    }
    return Long.parseLong(s.substring(0, end), 16);
  }
}
