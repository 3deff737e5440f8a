package dev.supervisor4j.ctl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/**
 * The training run for the Class Data Sharing archive ({@code -XX:ArchiveClassesAtExit}): runs
 * the one-shot commands people type most ({@code status}, {@code start}, {@code tail},
 * {@code version}) against a canned in-process server, on a unix socket and over TCP, so the
 * archive holds the classes a real run loads. Output is discarded; it always exits 0, because a
 * failed training only means a slower start, never a failed build or launch.
 */
public final class CdsTraining {
  private CdsTraining() {}

  public static void main(String[] args) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("s4j-ctl-cds");
      Path sock = dir.resolve("t.sock");
      Path conf = dir.resolve("supervisord.conf");
      Files.writeString(conf, "[supervisorctl]\nserverurl = unix://%(here)s/t.sock ; trained\nprompt=t\n");
      try (TrainingServer unix = TrainingServer.unix(sock); TrainingServer tcp = TrainingServer.tcp()) {
        String c = conf.toString();
        run("-c", c, "status");
        run("-c", c, "status", "cat", "nosuch", "grp:*");
        run("-c", c, "start", "nosuch", "grp:*");
        run("-c", c, "stop", "cat");
        run("-c", c, "tail", "cat");
        run("-c", c, "pid", "all");
        run("-s", "http://127.0.0.1:" + tcp.port(), "-u", "user", "-p", "pw", "version");
        run("-s", "http://127.0.0.1:" + tcp.port(), "status");
        run("-s", "unix://" + dir.resolve("missing.sock"), "status");
        run("-c", c, "nosuchcommand");
      }
    } catch (Exception | Error e) {
      // Training is best effort.
    } finally {
      deleteQuietly(dir);
    }
    System.exit(0);
  }

  private static void run(String... argv) {
    SupervisorCtl.run(List.of(argv), "supervisorctl", System.getenv(), new ByteArrayInputStream(new byte[0]),
        new ByteArrayOutputStream(), new ByteArrayOutputStream(), false);
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | RuntimeException ignored) {
      // A leftover temp dir is harmless.
    }
  }
}
