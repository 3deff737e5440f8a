package dev.supervisor4j.daemon.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a config file as Python's {@code open(path)} does on a UTF-8 system: strict UTF-8 (a bad byte
 * is a config error with Python's codec message, no byte-order mark is skipped) and universal newlines
 * ({@code \r\n} and a lone {@code \r} become {@code \n}).
 */
final class ConfigText {
  private ConfigText() {}

  /** The decoded text; IOException when the file cannot be opened or read. */
  static String read(Path file) throws IOException, ConfigException {
    byte[] bytes = Files.readAllBytes(file);
    checkUtf8(bytes);
    String text = new String(bytes, StandardCharsets.UTF_8);
    return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
  }

  /** Fails with CPython's {@code UnicodeDecodeError} text at the first invalid sequence. */
  static void checkUtf8(byte[] b) throws ConfigException {
    int i = 0;
    while (i < b.length) {
      int lead = b[i] & 0xff;
      if (lead < 0x80) {
        i++;
        continue;
      }
      if (lead < 0xc2 || lead > 0xf4) {
        throw decodeError(lead, i, i, "invalid start byte");
      }
      int need = lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
      for (int k = 1; k <= need; k++) {
        if (i + k >= b.length) {
          throw decodeError(lead, i, b.length - 1, "unexpected end of data");
        }
        int c = b[i + k] & 0xff;
        int lo = 0x80;
        int hi = 0xbf;
        if (k == 1) { // the second byte's range rules out overlong forms and surrogates
          lo = lead == 0xe0 ? 0xa0 : lead == 0xf0 ? 0x90 : 0x80;
          hi = lead == 0xed ? 0x9f : lead == 0xf4 ? 0x8f : 0xbf;
        }
        if (c < lo || c > hi) {
          throw decodeError(lead, i, i, "invalid continuation byte");
        }
      }
      i += need + 1;
    }
  }

  private static ConfigException decodeError(int lead, int from, int to, String reason) {
    String where = from == to
        ? String.format("byte 0x%02x in position %d", lead, from)
        : String.format("bytes in position %d-%d", from, to);
    return new ConfigException("'utf-8' codec can't decode " + where + ": " + reason);
  }
}
