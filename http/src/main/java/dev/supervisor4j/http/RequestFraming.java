package dev.supervisor4j.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.apache.pekko.util.ByteString;

/**
 * Drops the empty lines a client sends where a request should start, which Pekko's parser does not
 * skip (RFC 9112 §2.2 says a server SHOULD). supervisorctl's {@code tail -f} client sends one CRLF
 * too many after its request head; Pekko then reports "Illegal HTTP message start" when the
 * connection closes, once per {@code tail -f}.
 *
 * <p>To know where a request starts, this follows the framing of requests with just enough of a
 * parser: the head ends at an empty line, and a body follows only with a {@code Content-Length}.
 * Anything it does not understand ({@code Transfer-Encoding}, {@code Upgrade}, a huge head, an odd
 * Content-Length) switches it to pass-through for the rest of the connection, so the worst case is
 * the Pekko behaviour it replaces. A request Pekko rejects closes the connection anyway. Only CR and
 * LF bytes at a request start are ever dropped; every other byte goes through unchanged.
 *
 * <p>It also refuses a request line that cannot be one ({@code method SP target SP HTTP/x.y}):
 * Pekko's parser, given {@code garbage\r\n}, waits for more bytes (the method or target might go
 * on), so the client got no answer until it closed. Once such a line is complete, {@link #refused()}
 * is true and nothing more passes: the stage ends the request stream there, and Pekko answers 400
 * and closes, as supervisord answers such a line at once.
 *
 * <p>Not thread-safe: one per connection, used from its stream stage only.
 */
final class RequestFraming {
  private static final int MAX_HEAD = 64 * 1024;
  /** RFC 9112 §3: a token, one space, a target without spaces or controls, one space, the version. */
  private static final Pattern REQUEST_LINE =
      Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+ [^\\x00-\\x20\\x7f]+ HTTP/[0-9]\\.[0-9]\r?\n");

  private enum State { START, HEAD, BODY, PASS, REFUSED }

  private State state = State.START;
  private final ByteArrayOutputStream head = new ByteArrayOutputStream();
  private int lineLength;
  private boolean firstLine;
  private long bodyLeft;

  /** True once a malformed request line has been passed on: the request stream should end there. */
  boolean refused() {
    return state == State.REFUSED;
  }

  /** The bytes of {@code input} to pass on; may be empty. */
  ByteString filter(ByteString input) {
    if (state == State.PASS) {
      return input;
    }
    ByteString out = ByteString.emptyByteString();
    int i = 0;
    int n = input.size();
    while (i < n && state != State.PASS && state != State.REFUSED) {
      switch (state) {
        case START -> {
          byte b = input.apply(i);
          if (b == '\r' || b == '\n') {
            i++;
          } else {
            state = State.HEAD;
            head.reset();
            lineLength = 0;
            firstLine = true;
          }
        }
        case HEAD -> {
          int from = i;
          while (i < n && state == State.HEAD) {
            headByte(input.apply(i++));
          }
          out = out.concat(input.slice(from, i));
        }
        case BODY -> {
          int take = (int) Math.min(bodyLeft, n - i);
          out = out.concat(input.slice(i, i + take));
          i += take;
          bodyLeft -= take;
          if (bodyLeft == 0) {
            state = State.START;
          }
        }
        default -> throw new IllegalStateException(state.name());
      }
    }
    return i < n && state != State.REFUSED ? out.concat(input.drop(i)) : out;
  }

  private void headByte(byte b) {
    if (head.size() >= MAX_HEAD) {
      state = State.PASS;
      return;
    }
    head.write(b);
    if (b == '\n' && firstLine) {
      firstLine = false;
      if (!REQUEST_LINE.matcher(head.toString(StandardCharsets.ISO_8859_1)).matches()) {
        state = State.REFUSED;
        return;
      }
    }
    if (b == '\n') {
      if (lineLength == 0) {
        headEnded();
      }
      lineLength = 0;
    } else if (b != '\r') {
      lineLength++;
    }
  }

  private void headEnded() {
    long length = 0;
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\n");
    for (int l = 1; l < lines.length; l++) {
      String line = lines[l].strip();
      int colon = line.indexOf(':');
      if (colon <= 0) {
        continue;
      }
      String name = line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      if (name.equals("transfer-encoding") || name.equals("upgrade")) {
        state = State.PASS;
        return;
      }
      if (name.equals("content-length")) {
        long parsed = parseLength(value);
        if (parsed < 0 || (length > 0 && parsed != length)) {
          state = State.PASS;
          return;
        }
        length = parsed;
      }
    }
    bodyLeft = length;
    state = length > 0 ? State.BODY : State.START;
  }

  private static long parseLength(String value) {
    if (value.isEmpty() || value.length() > 18) {
      return -1;
    }
    for (int i = 0; i < value.length(); i++) {
      if (value.charAt(i) < '0' || value.charAt(i) > '9') {
        return -1;
      }
    }
    return Long.parseLong(value);
  }
}
