package dev.supervisor4j.daemon.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The test listener ({@code /events/listener.py}) and what it wrote: one {@link Received} per
 * event. It runs on the system Python, which has Debian's {@code supervisor.childutils}.
 */
public final class ListenerScript {
  /** The system interpreter: the one Debian's supervisor package is installed for. */
  public static final Path PYTHON = Path.of("/usr/bin/python3");

  private ListenerScript() {}

  /** True when {@link #PYTHON} can import {@code supervisor.childutils}. */
  public static boolean childutilsAvailable() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import supervisor.childutils")
          .redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Copies the script into {@code dir}; returns its path. */
  public static Path install(Path dir) throws IOException {
    Path script = dir.resolve("listener.py");
    try (InputStream in = ListenerScript.class.getResourceAsStream("/events/listener.py")) {
      Files.write(script, in.readAllBytes());
    }
    return script;
  }

  /** A {@code command=} line running the script, writing to {@code out}. */
  public static String command(Path script, Path out, String mode) {
    return PYTHON + " " + script + " " + out + " " + mode;
  }

  /** One event as the listener got it: its header tokens and its payload (escapes undone for \n). */
  public record Received(Map<String, String> headers, String payload) {
    public String eventName() {
      return headers.get("eventname");
    }

    public long serial() {
      return Long.parseLong(headers.get("serial"));
    }

    /** The payload's {@code key:value} tokens (of its first line). */
    public Map<String, String> tokens() {
      Map<String, String> t = new LinkedHashMap<>();
      for (String tok : payload.split("\n", 2)[0].split(" ")) {
        int c = tok.indexOf(':');
        if (c > 0) {
          t.put(tok.substring(0, c), tok.substring(c + 1));
        }
      }
      return t;
    }
  }

  public static List<Received> read(Path out) {
    List<Received> all = new ArrayList<>();
    try {
      if (!Files.exists(out)) {
        return all;
      }
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        int bar = line.indexOf('|');
        Map<String, String> headers = new LinkedHashMap<>();
        for (String tok : line.substring(0, bar).split(" ")) {
          int c = tok.indexOf(':');
          headers.put(tok.substring(0, c), tok.substring(c + 1));
        }
        all.add(new Received(headers, line.substring(bar + 1).replace("\\n", "\n")));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return all;
  }

  /** Waits until what the listener got satisfies {@code test}. */
  public static List<Received> await(Path out, Predicate<List<Received>> test, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    List<Received> got = read(out);
    while (!test.test(got)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("listener never got " + what + "; got:\n" + String.join("\n",
            got.stream().map(Received::toString).toList()));
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
      got = read(out);
    }
    return got;
  }
}
