package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.Controller;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.ParsedLine;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The interactive shell's input on a terminal: JLine's line reader with history (the
 * {@code history_file}, written as plain lines like readline's, so one file serves both clients)
 * and Tab completion. Loaded only for the shell on a TTY, which keeps JLine's classes off the
 * one-shot path. Output still goes through the plain streams.
 */
final class JLineIO extends StreamIO {
  private final Terminal terminal;
  private final LineReader reader;

  JLineIO(InputStream in, OutputStream out, OutputStream err, Controller ctl, String historyFile)
      throws IOException {
    super(in, out, err);
    terminal = TerminalBuilder.builder().system(true).build();
    DefaultParser parser = new DefaultParser();
    parser.setEscapeChars(new char[0]);
    parser.setQuoteChars(new char[0]);
    LineReaderBuilder builder = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("supervisorctl")
        .parser(parser)
        .completer(new ProcessCompleter(ctl))
        .option(LineReader.Option.HISTORY_TIMESTAMPED, false)
        .option(LineReader.Option.AUTO_FRESH_LINE, false)
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .variable(LineReader.HISTORY_SIZE, 100_000)
        .variable(LineReader.HISTORY_FILE_SIZE, 100_000);
    if (historyFile != null) {
      builder.variable(LineReader.HISTORY_FILE, Path.of(historyFile));
    }
    reader = builder.build();
  }

  @Override
  public String readLine(String prompt) throws Interrupted {
    flush();
    try {
      return reader.readLine(prompt);
    } catch (UserInterruptException e) {
      throw new Interrupted();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public String readPassword(String prompt) throws Interrupted {
    flush();
    try {
      return reader.readLine(prompt, Character.valueOf((char) 0));
    } catch (UserInterruptException e) {
      throw new Interrupted();
    } catch (EndOfFileException e) {
      return null;
    }
  }

  @Override
  public AutoCloseable onInterrupt(Runnable onInterrupt) {
    Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, new Forward(onInterrupt));
    return new RestoreHandler(terminal, previous);
  }

  /** Saves the history (readline writes it at exit) and gives the terminal back. */
  @Override
  public void close() {
    try {
      reader.getHistory().save();
    } catch (IOException | RuntimeException e) {
      // Supervisor ignores a history file it cannot write, too.
    }
    try {
      terminal.close();
    } catch (IOException e) {
      // Nothing left to restore.
    }
  }

  private static final class Forward implements Terminal.SignalHandler {
    private final Runnable action;

    Forward(Runnable action) {
      this.action = action;
    }

    @Override
    public void handle(Terminal.Signal signal) {
      action.run();
    }
  }

  private static final class RestoreHandler implements AutoCloseable {
    private final Terminal terminal;
    private final Terminal.SignalHandler previous;

    RestoreHandler(Terminal terminal, Terminal.SignalHandler previous) {
      this.terminal = terminal;
      this.previous = previous;
    }

    @Override
    public void close() {
      terminal.handle(Terminal.Signal.INT, previous);
    }
  }

  /** Supervisor's completer, fed by the controller's per-line process list cache. */
  private static final class ProcessCompleter implements Completer {
    private final Controller ctl;

    ProcessCompleter(Controller ctl) {
      this.ctl = ctl;
    }

    @Override
    public void complete(LineReader lineReader, ParsedLine line, List<Candidate> candidates) {
      String text = line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
      List<String> found;
      try {
        found = Completion.candidates(line.line(), text, new Completion.Infos() {
          @Override
          public List<dev.supervisor4j.protocol.ProcessInfo> get() {
            return ctl.completionInfo();
          }
        });
      } catch (RuntimeException e) {
        return; // readline ignores a failing completer; so do we
      }
      for (String s : found) {
        candidates.add(new Candidate(s, s, null, null, null, null, true));
      }
    }
  }
}
