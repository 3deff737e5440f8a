package dev.supervisor4j.http.testing;

import dev.supervisor4j.http.HttpLog;
import java.util.ArrayList;
import java.util.List;

/** Keeps every line: main-log lines as {@code LEVEL text}, stderr lines as {@code stderr: text}. */
public final class RecordingLog implements HttpLog {
  private final List<String> lines = new ArrayList<>();

  @Override
  public synchronized void log(Level level, String message) {
    lines.add(level + " " + message);
  }

  @Override
  public synchronized void stderr(String line) {
    lines.add("stderr: " + line);
  }

  public synchronized List<String> lines() {
    return List.copyOf(lines);
  }
}
