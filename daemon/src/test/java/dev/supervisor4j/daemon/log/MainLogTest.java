package dev.supervisor4j.daemon.log;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.daemon.config.LogLevel;
import dev.supervisor4j.daemon.testing.RecordingSyslog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;

class MainLogTest {
  private static final Pattern LINE =
      Pattern.compile("(\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2},\\d{3}) ([A-Z]{4}) (.*)");
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS");

  @TempDir Path dir;

  @AfterEach
  void restore() {
    MainLog.shutdown();
  }

  private Path configure(LogLevel level) throws IOException {
    Path log = dir.resolve("supervisord.log");
    MainLog.configure(log, 0, 0, level, null);
    return log;
  }

  private static List<String> lines(Path p) throws IOException {
    return Files.readAllLines(p, UTF_8);
  }

  /** "LEVL message" of each line, the timestamps checked and dropped. */
  private static List<String> records(Path p) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : lines(p)) {
      Matcher m = LINE.matcher(line);
      assertTrue(m.matches(), "bad line: " + line);
      out.add(m.group(2) + " " + m.group(3));
    }
    return out;
  }

  private static void logAllLevels() {
    MainLog.crit("c");
    MainLog.error("e");
    MainLog.warn("w");
    MainLog.info("i");
    MainLog.debug("d");
    MainLog.trace("t");
    MainLog.blather("b");
  }

  @Test
  void linesAreSupervisordsFormatInLocalTime() throws IOException {
    Path log = configure(LogLevel.INFO);
    LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.MILLIS);
    MainLog.info("supervisord started with pid 11371");
    LocalDateTime after = LocalDateTime.now();

    String content = Files.readString(log, UTF_8);
    Matcher m = LINE.matcher(content.substring(0, content.length() - 1));
    assertTrue(content.endsWith("\n") && m.matches(), content);
    assertEquals("INFO", m.group(2));
    assertEquals("supervisord started with pid 11371", m.group(3));
    LocalDateTime stamp = LocalDateTime.parse(m.group(1), STAMP);
    assertFalse(stamp.isBefore(before) || stamp.isAfter(after), stamp + " not in " + before + ".." + after);
  }

  @Test
  void everyLevelHasItsLabel() throws IOException {
    Path log = configure(LogLevel.BLATHER);
    logAllLevels();
    assertEquals(List.of("CRIT c", "ERRO e", "WARN w", "INFO i", "DEBG d", "TRAC t", "BLAT b"),
        records(log));
  }

  @ParameterizedTest
  @EnumSource(LogLevel.class)
  void filteringFollowsSupervisordsNumbers(LogLevel level) throws IOException {
    Path log = configure(level);
    logAllLevels();
    List<String> expected = new ArrayList<>();
    for (LogLevel l : LogLevel.values()) {
      if (l.value() >= level.value()) {
        expected.add(l.label() + " " + "cewidtb".charAt(l.ordinal()));
      }
    }
    assertEquals(expected, records(log));
    for (LogLevel l : LogLevel.values()) {
      assertEquals(l.value() >= level.value(), MainLog.isEnabled(l), l.name());
    }
  }

  @Test
  void critShowsAtWarnAndDebugIsHiddenAtInfo() throws IOException {
    Path log = configure(LogLevel.WARN);
    MainLog.crit("Server 'unix_http_server' running without any HTTP authentication checking");
    MainLog.info("hidden");
    assertEquals(List.of("CRIT Server 'unix_http_server' running without any HTTP authentication checking"),
        records(log));

    log = configure(LogLevel.INFO);
    MainLog.debug("hidden");
    MainLog.info("shown");
    assertEquals("INFO shown", records(log).get(records(log).size() - 1));
    assertFalse(records(log).contains("DEBG hidden"));
  }

  @Test
  void theSlf4jLoggerWithMarkersWorksToo() throws IOException {
    Path log = configure(LogLevel.BLATHER);
    MainLog.LOG.error(MainLog.CRIT, "via marker");
    MainLog.LOG.trace(MainLog.BLAT, "blather via marker");
    MainLog.LOG.error("plain error");
    assertEquals(List.of("CRIT via marker", "BLAT blather via marker", "ERRO plain error"), records(log));
  }

  @Test
  void otherLoggersOnlyReachTheLogAtWarn() throws IOException {
    Path log = configure(LogLevel.DEBUG);
    LoggerFactory.getLogger("org.apache.pekko.actor.ActorSystemImpl").info("pekko chatter");
    LoggerFactory.getLogger("org.apache.pekko.actor.ActorSystemImpl").warn("pekko warning");
    LoggerFactory.getLogger("some.library").debug("library chatter");
    LoggerFactory.getLogger("some.library").error("library error");
    assertEquals(List.of("WARN pekko warning", "ERRO library error"), records(log));

    log = configure(LogLevel.CRITICAL);
    LoggerFactory.getLogger("org.apache.pekko.actor.ActorSystemImpl").warn("hidden at critical");
    assertFalse(Files.readString(log).contains("hidden at critical"));
  }

  @Test
  void messagesAreWrittenAsIs() throws IOException {
    Path log = configure(LogLevel.DEBUG);
    MainLog.debug("'cwdbad' stderr output:\nsupervisor: couldn't chdir to /nonexistent/dir: ENOENT\n");
    MainLog.info("braces {} and %s stay");
    List<String> l = lines(log);
    assertEquals(4, l.size());
    assertTrue(l.get(0).endsWith(" DEBG 'cwdbad' stderr output:"));
    assertEquals("supervisor: couldn't chdir to /nonexistent/dir: ENOENT", l.get(1));
    assertEquals("", l.get(2)); // data ending in a newline leaves a blank line, as supervisord's
    assertTrue(l.get(3).endsWith(" INFO braces {} and %s stay"));
  }

  @Test
  void rotationIsCheckedAfterEveryRecord() throws IOException {
    Path log = dir.resolve("rot.log");
    MainLog.configure(log, 100, 2, LogLevel.INFO, null);
    String msg = "x".repeat(30); // 24 + 5 + 30 + 1 = 60 bytes per line
    MainLog.info(msg);
    assertFalse(Files.exists(dir.resolve("rot.log.1")));
    MainLog.info(msg); // 120 >= 100: rotates right after this record
    assertEquals(2, lines(dir.resolve("rot.log.1")).size());
    assertEquals(0, Files.size(log));
    MainLog.info(msg);
    MainLog.info(msg);
    MainLog.info(msg);
    MainLog.info(msg);
    MainLog.info("last");
    assertEquals(2, lines(dir.resolve("rot.log.1")).size());
    assertEquals(2, lines(dir.resolve("rot.log.2")).size());
    assertFalse(Files.exists(dir.resolve("rot.log.3")));
    assertEquals(List.of("INFO last"), records(log));
  }

  @Test
  void zeroBackupsTruncatesTheMainLog() throws IOException {
    Path log = dir.resolve("trunc.log");
    MainLog.configure(log, 50, 0, LogLevel.INFO, null);
    MainLog.info("x".repeat(40));
    assertEquals(0, Files.size(log));
    MainLog.info("y");
    assertEquals(List.of("INFO y"), records(log));
    assertFalse(Files.exists(dir.resolve("trunc.log.1")));
  }

  @Test
  void stdoutCopyHasTheSameLines() throws IOException {
    Path log = dir.resolve("copy.log");
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    MainLog.configure(log, 0, 0, LogLevel.INFO, copy);
    MainLog.info("one");
    MainLog.warn("two");
    assertEquals(Files.readString(log, UTF_8), copy.toString(UTF_8));
    assertEquals(2, copy.toString(UTF_8).lines().count());
  }

  @Test
  void alsoStdoutSwitchesTheCopyOnAndOff() throws IOException {
    PrintStream original = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(captured, true, UTF_8));
      MainLog.configure(dir.resolve("quiet.log"), 0, 0, LogLevel.INFO, false);
      MainLog.info("not on stdout");
      assertEquals("", captured.toString(UTF_8));
      MainLog.configure(dir.resolve("loud.log"), 0, 0, LogLevel.INFO, true);
      MainLog.info("on stdout");
      assertTrue(captured.toString(UTF_8).endsWith(" INFO on stdout\n"), captured.toString(UTF_8));
    } finally {
      System.setOut(original);
    }
  }

  @Test
  void withoutAFileOnlyTheCopyIsWritten() throws IOException {
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    MainLog.configure(null, 0, 0, LogLevel.INFO, copy);
    MainLog.info("to stdout only");
    assertNull(MainLog.currentFile());
    assertTrue(copy.toString(UTF_8).endsWith(" INFO to stdout only\n"));
  }

  /** "TS LEVL text" with the timestamp checked and dropped, for messages sent to syslog. */
  private static List<String> syslogRecords(RecordingSyslog syslog) {
    List<String> out = new ArrayList<>();
    for (String sent : syslog.sent()) {
      assertTrue(sent.startsWith("<14>") && sent.endsWith("\n"), "user.info, one line + newline: " + sent);
      Matcher m = LINE.matcher(sent.substring(4, sent.length() - 1));
      assertTrue(m.matches(), "bad line: " + sent);
      out.add(m.group(2) + " " + m.group(3));
    }
    return out;
  }

  @Test
  void toSyslogEachLineIsAMessageWithTheRecordsPrefixAtUserInfo() throws IOException {
    RecordingSyslog syslog = new RecordingSyslog();
    MainLog.configure(null, 0, 0, LogLevel.BLATHER, null, syslog);
    logAllLevels();
    MainLog.debug("'web' stdout output:\nhello\n\nworld 50% %s\n\n");
    assertEquals(List.of("CRIT c", "ERRO e", "WARN w", "INFO i", "DEBG d", "TRAC t", "BLAT b",
        "DEBG 'web' stdout output:", "DEBG hello", "DEBG ", "DEBG world 50% %s"), syslogRecords(syslog));
    List<String> sent = syslog.sent();
    String stamp = sent.get(7).substring(4, 27);
    assertTrue(sent.subList(7, 11).stream().allMatch(m -> m.startsWith("<14>" + stamp)), "one record, one time");
    assertTrue(MainLog.toSyslog());
    assertNull(MainLog.currentFile());
  }

  @Test
  void toSyslogFollowsTheLoglevel() throws IOException {
    RecordingSyslog syslog = new RecordingSyslog();
    MainLog.configure(null, 0, 0, LogLevel.WARN, null, syslog);
    logAllLevels();
    assertEquals(List.of("CRIT c", "ERRO e", "WARN w"), syslogRecords(syslog));
  }

  @Test
  void aRestartMovesBetweenSyslogAndAFile() throws IOException {
    RecordingSyslog syslog = new RecordingSyslog();
    MainLog.configure(null, 0, 0, LogLevel.INFO, null, syslog);
    MainLog.info("to syslog");
    Path log = configure(LogLevel.INFO);
    MainLog.info("to the file");
    assertFalse(MainLog.toSyslog());
    assertEquals(List.of("INFO to syslog"), syslogRecords(syslog));
    assertEquals(List.of("INFO to the file"), records(log));
  }

  @Test
  void reconfiguringMovesToTheNewFile() throws IOException {
    Path first = dir.resolve("first.log");
    Path second = dir.resolve("second.log");
    MainLog.configure(first, 0, 0, LogLevel.INFO, null);
    MainLog.info("before restart");
    assertEquals(first, MainLog.currentFile());
    MainLog.configure(second, 0, 0, LogLevel.WARN, null);
    MainLog.info("hidden now");
    MainLog.warn("after restart");
    assertEquals(List.of("INFO before restart"), records(first));
    assertEquals(List.of("WARN after restart"), records(second));
    assertEquals(second, MainLog.currentFile());
    assertEquals(LogLevel.WARN, MainLog.level());
  }

  @Test
  void aBadPathKeepsThePreviousConfiguration() throws IOException {
    Path good = configure(LogLevel.INFO);
    try {
      MainLog.configure(dir.resolve("missing-dir/x.log"), 0, 0, LogLevel.DEBUG, null);
    } catch (IOException expected) {
      // the daemon reports it
    }
    MainLog.info("still here");
    assertEquals(List.of("INFO still here"), records(good));
  }

  @Test
  void reopenFollowsAnExternalRename() throws IOException {
    Path log = configure(LogLevel.INFO);
    MainLog.info("a");
    Path moved = dir.resolve("supervisord.log.old");
    Files.move(log, moved);
    MainLog.reopen();
    MainLog.info("b");
    assertEquals(List.of("INFO a"), records(moved));
    assertEquals(List.of("INFO b"), records(log));
  }

  @Test
  void fileAndCopyUseUtf8() throws IOException {
    Path log = configure(LogLevel.INFO);
    MainLog.info("naïve ✓");
    assertTrue(Arrays.equals(" INFO naïve ✓\n".getBytes(UTF_8),
        Arrays.copyOfRange(Files.readAllBytes(log), 23, (int) Files.size(log))));
  }
}
