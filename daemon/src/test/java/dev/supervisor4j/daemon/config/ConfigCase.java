package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One row of the config tables: a {@code supervisord.conf} (plus any included files), and either the
 * exact error supervisord prints for it or checks on what it loads to. Expected values were taken
 * from Supervisor 4.2.5 itself. {@code {dir}} in texts and messages stands for the test directory.
 */
record ConfigCase(String name, String config, Map<String, String> files, String error,
    Consumer<SupervisordConfig> check, CommandLineOverrides cli) {

  /** The daemon environment every case loads with: only these two ENV_ names exist. */
  static final Map<String, String> ENV = orderedEnv();

  static ConfigCase ok(String name, String config, Consumer<SupervisordConfig> check) {
    return new ConfigCase(name, config, Map.of(), null, check, CommandLineOverrides.none());
  }

  static ConfigCase error(String name, String config, String message) {
    return new ConfigCase(name, config, Map.of(), message, null, CommandLineOverrides.none());
  }

  /** Adds a file (path relative to the test directory) before loading. */
  ConfigCase with(String path, String text) {
    Map<String, String> more = new LinkedHashMap<>(files);
    more.put(path, text);
    return new ConfigCase(name, config, more, error, check, cli);
  }

  ConfigCase withCli(CommandLineOverrides overrides) {
    return new ConfigCase(name, config, files, error, check, overrides);
  }

  /** Writes the files into {@code dir} and loads {@code supervisord.conf} as typed relative to it. */
  void run(Path dir) throws IOException {
    String d = dir.toString();
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path p = dir.resolve(f.getKey());
      Files.createDirectories(p.getParent());
      Files.writeString(p, f.getValue().replace("{dir}", d), StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("supervisord.conf"), config.replace("{dir}", d),
        StandardCharsets.UTF_8);
    if (error != null) {
      ConfigException e = assertThrows(ConfigException.class, () -> load(dir));
      assertEquals(error.replace("{dir}", d), e.getMessage());
    } else {
      try {
        check.accept(load(dir));
      } catch (ConfigException e) {
        throw new AssertionError("unexpected: " + e.getMessage(), e);
      }
    }
  }

  private SupervisordConfig load(Path dir) throws ConfigException {
    return ConfigLoader.load(Path.of("supervisord.conf"), "supervisord.conf", cli, ENV, dir);
  }

  @Override
  public String toString() {
    return name;
  }

  // ---- small accessors for the checks ----

  static GroupConfig group(SupervisordConfig c, String name) {
    return c.groups().stream().filter(g -> g.name().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no group " + name + " in " + c.groups()));
  }

  static ProgramConfig proc(SupervisordConfig c, String groupName) {
    return group(c, groupName).processes().get(0);
  }

  static String command(SupervisordConfig c, String groupName) {
    return proc(c, groupName).command();
  }

  static List<String> groupNames(SupervisordConfig c) {
    return c.groups().stream().map(GroupConfig::name).toList();
  }

  static List<String> processNames(SupervisordConfig c, String groupName) {
    return group(c, groupName).processes().stream().map(ProgramConfig::name).toList();
  }

  static List<String> messages(SupervisordConfig c) {
    return c.messages().stream().map(m -> m.level().label() + " " + m.text()).toList();
  }

  private static Map<String, String> orderedEnv() {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("HOME", "/home/tester");
    env.put("PATH", "/usr/bin:/bin");
    return Collections.unmodifiableMap(env);
  }
}
