package dev.supervisor4j.daemon.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildLogNamesTest {
  @TempDir Path dir;

  @Test
  void autoNamesFollowSupervisorsPatternAndAreCreatedEmptyWithMode0600() throws IOException {
    Path a = ChildLogNames.createAuto(dir, "exit3", "stdout", "supervisor");
    Path b = ChildLogNames.createAuto(dir, "exit3", "stdout", "supervisor");
    assertTrue(a.getFileName().toString().matches("exit3-stdout---supervisor-[a-z0-9_]{8}\\.log"), a.toString());
    assertNotEquals(a, b);
    assertTrue(a.isAbsolute());
    assertTrue(Files.isRegularFile(a));
    assertEquals(0, Files.size(a));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
    Path err = ChildLogNames.createAuto(dir, "web_01", "stderr", "host-a");
    assertTrue(err.getFileName().toString().matches("web_01-stderr---host-a-[a-z0-9_]{8}\\.log"));
  }

  @Test
  void cleanupDeletesOnlyThisIdentifiersLogsAndTheirBackups() throws IOException {
    Path out = ChildLogNames.createAuto(dir, "web", "stdout", "supervisor");
    Path err = ChildLogNames.createAuto(dir, "web", "stderr", "supervisor");
    Path backup1 = Files.createFile(dir.resolve(out.getFileName() + ".1"));
    Path backup10 = Files.createFile(dir.resolve(out.getFileName() + ".10"));
    Path other = ChildLogNames.createAuto(dir, "web", "stdout", "other");
    Path otherBackup = Files.createFile(dir.resolve(other.getFileName() + ".1"));
    Path unrelated = Files.createFile(dir.resolve("notes.txt"));
    Path named = Files.createFile(dir.resolve("web.log"));
    Path prefixOnly = Files.createFile(dir.resolve("supervisor-abc.log")); // no "---" before it
    List<String> warnings = new ArrayList<>();

    List<Path> deleted = ChildLogNames.cleanup(dir, "supervisor", warnings::add);

    assertEquals(Set.of(out, err, backup1, backup10), Set.copyOf(deleted));
    assertEquals(names(other, otherBackup, unrelated, named, prefixOnly), listing());
    assertTrue(warnings.isEmpty(), warnings.toString());
  }

  @Test
  void theIdentifierIsMatchedLiterally() throws IOException {
    Path mine = ChildLogNames.createAuto(dir, "p", "stdout", "a.b");
    Path lookalike = Files.createFile(dir.resolve("p-stdout---aXb-12345678.log"));
    ChildLogNames.cleanup(dir, "a.b", w -> {});
    assertFalse(Files.exists(mine));
    assertTrue(Files.exists(lookalike));
  }

  @Test
  void aMatchingDirectoryIsReportedAndKept() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("x---supervisor-dir.log"));
    List<String> warnings = new ArrayList<>();
    ChildLogNames.cleanup(dir, "supervisor", warnings::add);
    assertTrue(Files.isDirectory(sub));
    assertEquals(List.of("Failed to clean up '" + sub + "'"), warnings);
  }

  @Test
  void aMissingDirectoryIsReported() {
    List<String> warnings = new ArrayList<>();
    ChildLogNames.cleanup(dir.resolve("missing"), "supervisor", warnings::add);
    assertEquals(List.of("Could not clear childlog dir"), warnings);
  }

  @Test
  void theRuleIsAnchoredAtTheStartOnly() {
    var rule = ChildLogNames.cleanupRule("supervisor");
    assertTrue(rule.matcher("a---supervisor-x.log").lookingAt());
    assertTrue(rule.matcher("a---supervisor-x.log.3").lookingAt());
    assertTrue(rule.matcher("a---supervisor-x.logfile").lookingAt()); // re.match: suffix is free
    assertFalse(rule.matcher("---supervisor-x.log").lookingAt()); // .+? needs one char
    assertFalse(rule.matcher("a---supervisor-.log").lookingAt()); // \S+ needs one char
    assertFalse(rule.matcher("a---supervisorx-x.log").lookingAt());
  }

  private Set<String> listing() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static Set<String> names(Path... paths) {
    return Stream.of(paths).map(p -> p.getFileName().toString())
        .collect(Collectors.toCollection(TreeSet::new));
  }
}
