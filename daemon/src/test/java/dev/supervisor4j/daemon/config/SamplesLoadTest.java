package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.EchoSupervisordConf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every shipped config must load: the files in config-samples/ and echo_supervisord_conf's output. */
class SamplesLoadTest {

  @Test
  void everyConfigSampleLoads() throws Exception {
    Path samples = repoRoot().resolve("config-samples");
    List<Path> files;
    try (Stream<Path> list = Files.list(samples)) {
      files = list.filter(p -> p.getFileName().toString().endsWith(".conf")).sorted().toList();
    }
    assertTrue(files.size() >= 2, "expected the sample configs in " + samples);
    for (Path file : files) {
      SupervisordConfig config = load(file, samples);
      assertFalse(config.groups().isEmpty(), file + " defines no programs");
    }
  }

  @Test
  void demoRunsWhatItSays() throws Exception {
    Path samples = repoRoot().resolve("config-samples");
    SupervisordConfig demo = load(samples.resolve("demo.conf"), samples);
    assertEquals(List.of("exits", "flaky", "pair", "ticker"),
        demo.groups().stream().map(GroupConfig::name).toList());
    assertEquals(GroupKind.EVENT_LISTENER, demo.groups().get(0).kind());
    assertEquals(List.of("web", "worker"), ConfigCase.processNames(demo, "pair"));
    assertTrue(demo.daemon().logfile().startsWith(samples.resolve("run")));
    assertEquals(List.of(new HttpServerConfig.Inet("inet_http_server", "127.0.0.1", 9001, null,
        null), new HttpServerConfig.Unix("unix_http_server", samples.resolve("run/demo.sock"),
        0700, -1, -1, null, null)), demo.httpServers());
    assertEquals("unix://" + samples.resolve("run/demo.sock"), demo.ctl().serverUrl());
  }

  @Test
  void echoSupervisordConfOutputLoads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("supervisord.conf");
    Files.writeString(file, EchoSupervisordConf.sampleText());
    SupervisordConfig config = load(file, dir);
    assertEquals(1, config.httpServers().size());
    assertEquals(1, config.rpcInterfaces().size());
    assertNotNull(config.ctl());
    assertTrue(config.groups().isEmpty()); // every program template is commented out
  }

  private static SupervisordConfig load(Path file, Path cwd) throws ConfigException {
    return ConfigLoader.load(file, file.toString(), CommandLineOverrides.none(), System.getenv(), cwd);
  }

  /** The repository root: the first directory above the working directory with config-samples/. */
  static Path repoRoot() throws IOException {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("config-samples"))) {
        return p;
      }
    }
    throw new IOException("no config-samples directory above " + Path.of("").toAbsolutePath());
  }
}
