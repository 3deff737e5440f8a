package dev.supervisor4j.daemon.output;

import dev.supervisor4j.protocol.python.PyRepr;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code *_logfile=AUTO}: names, creates and cleans up the child logs kept in {@code childlogdir}.
 *
 * <p>A name is {@code <process_name>-<channel>---<identifier>-<8 random chars>.log}, with the random
 * part drawn from {@code [a-z0-9_]} as Python's {@code mkstemp} does, and the file is created empty,
 * exclusively ({@code O_EXCL}, retrying on a clash) and with mode 0600. Creating is a runtime call
 * (start, restart, group add), never part of loading the config, so parsing stays free of effects.
 *
 * <p>Cleanup deletes what Supervisor's rule {@code ^.+?---<identifier>-\S+\.log\.{0,1}\d{0,4}}
 * matches (anchored at the start only, so rotated backups go too). One deliberate difference: the
 * identifier is matched literally, where Supervisor pastes it into the regex unescaped (an identifier
 * with a {@code .} there also matches other identifiers' files, one with a {@code (} crashes it).
 */
public final class ChildLogNames {
  private static final String RANDOM_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789_";
  private static final int RANDOM_LENGTH = 8;
  private static final int ATTEMPTS = 10_000; // Python's tempfile.TMP_MAX
  private static final SecureRandom RANDOM = new SecureRandom();

  private ChildLogNames() {}

  /**
   * Creates a new empty AUTO log file (mode 0600) and returns its absolute path.
   *
   * @param channel {@code stdout} or {@code stderr}
   * @throws FileAlreadyExistsException if every attempted name was taken
   */
  public static Path createAuto(Path childlogdir, String processName, String channel,
      String identifier) throws IOException {
    String prefix = processName + "-" + channel + "---" + identifier + "-";
    FileAlreadyExistsException last = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Path candidate = childlogdir.resolve(prefix + randomPart() + ".log").toAbsolutePath();
      try {
        return createOwnerOnly(candidate);
      } catch (FileAlreadyExistsException clash) {
        last = clash;
      }
    }
    throw last;
  }

  /**
   * Deletes every AUTO log (and backup) of {@code identifier} in {@code childlogdir}. Failures do not
   * stop the sweep; each is reported through {@code warn} with supervisord's text
   * ({@code Could not clear childlog dir}, {@code Failed to clean up '<path>'}).
   *
   * @return the files deleted
   */
  public static List<Path> cleanup(Path childlogdir, String identifier, Consumer<String> warn) {
    Pattern rule = cleanupRule(identifier);
    List<Path> deleted = new ArrayList<>();
    List<Path> matching = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(childlogdir)) {
      for (Path entry : entries) {
        if (rule.matcher(entry.getFileName().toString()).lookingAt()) {
          matching.add(entry);
        }
      }
    } catch (IOException | RuntimeException e) {
      warn.accept("Could not clear childlog dir");
      return deleted;
    }
    for (Path file : matching) {
      try {
        if (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
          throw new IOException("is a directory"); // os.remove refuses directories
        }
        Files.delete(file);
        deleted.add(file);
      } catch (IOException e) {
        warn.accept("Failed to clean up " + PyRepr.of(file.toString()));
      }
    }
    return deleted;
  }

  /** Supervisor's cleanup rule for {@code identifier}; use with {@code lookingAt()} (re.match). */
  static Pattern cleanupRule(String identifier) {
    return Pattern.compile(".+?---" + Pattern.quote(identifier) + "-\\S+\\.log\\.{0,1}\\d{0,4}",
        Pattern.UNICODE_CHARACTER_CLASS);
  }

  private static String randomPart() {
    StringBuilder sb = new StringBuilder(RANDOM_LENGTH);
    for (int i = 0; i < RANDOM_LENGTH; i++) {
      sb.append(RANDOM_CHARS.charAt(RANDOM.nextInt(RANDOM_CHARS.length())));
    }
    return sb.toString();
  }

  private static Path createOwnerOnly(Path file) throws IOException {
    try {
      return Files.createFile(file, PosixFilePermissions.asFileAttribute(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
    } catch (UnsupportedOperationException notPosix) {
      return Files.createFile(file);
    }
  }
}
