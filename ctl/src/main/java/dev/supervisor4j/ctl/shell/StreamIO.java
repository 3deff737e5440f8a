package dev.supervisor4j.ctl.shell;

import dev.supervisor4j.ctl.command.CtlIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * {@link CtlIO} on plain streams: stdout and stderr as UTF-8 (what Python writes under a UTF-8
 * locale), stdin read line by line. Used for one-shot commands and whenever stdin or stdout is
 * not a terminal, so JLine is never loaded there.
 *
 * <p>Lines are read by a daemon thread into a queue, so that Ctrl-C can end a wait for input
 * ({@code fg}, a prompt) the way KeyboardInterrupt ends Python's {@code input()}: a blocked
 * {@code read} on stdin cannot be interrupted otherwise.
 */
public class StreamIO implements CtlIO {
  private static final Object EOF = new Object();
  private static final Object INTERRUPT = new Object();

  private final InputStream in;
  private final OutputStream out;
  private final OutputStream err;
  private final LinkedBlockingQueue<Object> lines = new LinkedBlockingQueue<>();
  private Thread reader;

  public StreamIO(InputStream in, OutputStream out, OutputStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  @Override
  public synchronized void line(String text) {
    try {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    } catch (IOException e) {
      // stdout closed (a pipe to head): nothing useful left to do with the output.
    }
  }

  @Override
  public synchronized void raw(byte[] bytes) {
    try {
      out.write(bytes);
      out.flush();
    } catch (IOException e) {
      // As above.
    }
  }

  @Override
  public synchronized void errLine(String text) {
    flush();
    try {
      err.write(text.getBytes(StandardCharsets.UTF_8));
      err.write('\n');
      err.flush();
    } catch (IOException e) {
      // stderr closed: nowhere to report it.
    }
  }

  @Override
  public synchronized void flush() {
    try {
      out.flush();
    } catch (IOException e) {
      // As above.
    }
  }

  /** Writes a prompt without a newline. */
  protected synchronized void prompt(String text, boolean toStderr) {
    try {
      if (toStderr) {
        flush();
        err.write(text.getBytes(StandardCharsets.UTF_8));
        err.flush();
      } else {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      // As above.
    }
  }

  @Override
  public String readLine(String prompt) throws Interrupted {
    prompt(prompt, false);
    return nextLine();
  }

  /** Python's getpass without a terminal: the prompt on stderr, the line read from stdin. */
  @Override
  public String readPassword(String prompt) throws Interrupted {
    prompt(prompt, true);
    return nextLine();
  }

  private String nextLine() throws Interrupted {
    startReader();
    Object item;
    try (AutoCloseable ignored = Interrupts.install(new Enqueue(lines))) {
      item = lines.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Interrupted();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    if (item == INTERRUPT) {
      throw new Interrupted();
    }
    if (item == EOF) {
      lines.add(EOF); // every later read sees the end too
      return null;
    }
    return (String) item;
  }

  private synchronized void startReader() {
    if (reader == null) {
      reader = new Thread(new LineReader(in, lines), "stdin-lines");
      reader.setDaemon(true);
      reader.start();
    }
  }

  @Override
  public AutoCloseable onInterrupt(Runnable onInterrupt) {
    return Interrupts.install(onInterrupt);
  }

  /** Puts the interrupt marker in the queue: what Ctrl-C does while a read waits. */
  private static final class Enqueue implements Runnable {
    private final LinkedBlockingQueue<Object> lines;

    Enqueue(LinkedBlockingQueue<Object> lines) {
      this.lines = lines;
    }

    @Override
    public void run() {
      lines.add(INTERRUPT);
    }
  }

  /** Reads UTF-8 lines (without their newline) until end of input. */
  private static final class LineReader implements Runnable {
    private final InputStream in;
    private final LinkedBlockingQueue<Object> lines;

    LineReader(InputStream in, LinkedBlockingQueue<Object> lines) {
      this.in = in;
      this.lines = lines;
    }

    @Override
    public void run() {
      ByteArrayOutputStream line = new ByteArrayOutputStream();
      try {
        int b;
        while ((b = in.read()) >= 0) {
          if (b == '\n') {
            lines.add(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(b);
          }
        }
        if (line.size() > 0) {
          lines.add(line.toString(StandardCharsets.UTF_8));
        }
      } catch (IOException e) {
        // Treated as end of input.
      }
      lines.add(EOF);
    }
  }
}
