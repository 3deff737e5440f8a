package dev.supervisor4j.daemon;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code echo_supervisord_conf}: prints a complete, commented sample configuration to stdout and
 * exits 0. Like the original it ignores its arguments. The text is a bundled resource so it can be
 * read and tested as a file.
 */
public final class EchoSupervisordConf {
  private static final String SAMPLE = "/dev/supervisor4j/daemon/config/sample.conf";

  private EchoSupervisordConf() {}

  public static void main(String[] args) {
    PrintStream out = System.out;
    out.print(sampleText());
    out.flush();
  }

  /** The sample configuration text. */
  public static String sampleText() {
    try (InputStream in = EchoSupervisordConf.class.getResourceAsStream(SAMPLE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + SAMPLE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
