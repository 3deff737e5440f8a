package dev.supervisor4j.daemon.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.supervisor4j.protocol.python.ConfigParserLines;
import dev.supervisor4j.protocol.python.PyRepr;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.ini4j.Config;
import org.ini4j.Ini;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fixes the reader to CPython's {@code RawConfigParser(inline_comment_prefixes=(';', '#'),
 * strict=False)}: {@code config/configparser-fixture.expected} is Python's own reading of
 * {@code config/configparser-fixture.ini}, in {@code items()} order with values shown by repr.
 */
class IniFileTest {

  @Test
  void readsTheFixtureAsConfigparserDoes() throws Exception {
    IniFile ini = new IniFile();
    ini.read(resource("configparser-fixture.ini"), "configparser-fixture.ini");
    List<String> lines = new ArrayList<>();
    List<String> defaults = ini.options(IniFile.DEFAULT);
    for (String section : ini.sections()) {
      lines.add("[" + section + "]");
      List<String> keys = new ArrayList<>(defaults); // items(): DEFAULT keys first, as a dict update
      ini.options(section).stream().filter(k -> !keys.contains(k)).forEach(keys::add);
      for (String key : keys) {
        lines.add(key + " = " + PyRepr.of(ini.get(section, key)));
      }
    }
    assertEquals(resource("configparser-fixture.expected").strip(), String.join("\n", lines));
  }

  /** CVE-2022-41404: ini4j's fetch() recurses forever on this; get() must hand back the raw text. */
  @Test
  void neverEvaluatesIni4jExpressions() {
    assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
      IniFile ini = new IniFile();
      ini.read("[s]\na = ${s/b}\nb = ${s/a}\nc = ${DEFAULT/x}\n", "cve.ini");
      for (int i = 0; i < 1000; i++) {
        assertEquals("${s/b}", ini.get("s", "a"));
        assertEquals("${s/a}", ini.get("s", "b"));
      }
      ini.expandHere("/here");
      assertEquals("${DEFAULT/x}", ini.get("s", "c"));
    });
  }

  /** The ban on ini4j's expression-evaluating API, enforced on the sources instead of in review. */
  @Test
  void sourcesUseOnlyIni4jGetters() throws IOException {
    Path dir = Path.of("src/main/java/dev/supervisor4j/daemon/config");
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String src = Files.readString(f);
        for (String banned : List.of(".fetch(", ".as(", "Wini", "OptionMap", "BeanAccess",
            "fetchAll(")) {
          assertFalse(src.contains(banned), f + " uses " + banned);
        }
      }
    }
  }

  /** Whatever configparser can produce must survive the trip through ini4j unchanged. */
  @Test
  void escapingRoundTripsThroughIni4j() throws IOException {
    Random random = new Random(42);
    String alphabet = "ab|\\\"'=:;#[] \t\n\r\u0001\u007f\u00e9\u2603\ud83d\ude00${}%u0041";
    List<ConfigParserLines.Line> events = new ArrayList<>();
    events.add(new ConfigParserLines.Line("[ odd / name ]", null, null));
    List<String> values = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      StringBuilder b = new StringBuilder();
      int len = random.nextInt(12);
      for (int j = 0; j < len; j++) {
        int at = random.nextInt(alphabet.length());
        b.append(Character.isHighSurrogate(alphabet.charAt(at))
            ? alphabet.substring(at, at + 2) : String.valueOf(alphabet.charAt(at)));
      }
      values.add(b.toString());
      events.add(new ConfigParserLines.Line("[ odd / name ]", "k" + i + "_" + values.get(i).toLowerCase(
          Locale.ROOT).replace("=", "").replace(":", ""), values.get(i)));
    }
    Config config = new Config();
    config.setEscape(true);
    config.setEscapeNewline(false);
    config.setMultiOption(true);
    config.setTree(false);
    config.setEmptyOption(true);
    Ini ini = new Ini();
    ini.setConfig(config);
    ini.load(new StringReader(IniFile.toIni4j(events, s -> "s0")));
    for (int i = 0; i < values.size(); i++) {
      String key = events.get(i + 1).key();
      assertEquals("|" + values.get(i) + "|", ini.get("s0").get("|" + key + "|"), "value " + i);
    }
  }

  @Test
  void lastSectionAndKeyWinAcrossReads(@TempDir Path dir)
      throws Exception {
    Path included = dir.resolve("inc.ini");
    Files.writeString(included, "[a]\nk = from include\n[b]\nk = new\n");
    IniFile ini = new IniFile();
    ini.read("[a]\nk = main\nonly = main\n", "main.conf");
    ini.readIncluded(included, "inc.ini");
    ini.readIncluded(dir.resolve("missing.ini"), "missing.ini"); // skipped silently
    assertEquals(List.of("a", "b"), ini.sections());
    assertEquals("from include", ini.get("a", "k"));
    assertEquals("main", ini.get("a", "only"));
    assertEquals(null, ini.fileOf("a")); // defined first by the main file
    assertEquals("inc.ini", ini.fileOf("b"));
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = IniFileTest.class.getResourceAsStream("/config/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
