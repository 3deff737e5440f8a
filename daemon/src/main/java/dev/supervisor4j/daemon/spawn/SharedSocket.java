package dev.supervisor4j.daemon.spawn;

import dev.supervisor4j.daemon.config.FcgiSocket;
import dev.supervisor4j.protocol.Fault;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The listening socket of one {@code [fcgi-program:x]} group, shared by its processes as their fd 0,
 * counted as Supervisor's SocketManager counts it: made ({@code Creating socket <url>}) when the first
 * process takes it, kept while any process holds it, closed ({@code Closing socket <url>}) when the
 * last holder has been reaped. A unix socket's file stays on disk after the close, as under Supervisor;
 * the next creation replaces it.
 *
 * <p>Thread-safe: the spawner thread takes it, the reaper thread gives it back, and the GroupActor
 * that owns it probes it when it makes the group and closes it when the group goes away.
 */
public final class SharedSocket {
  /** How the socket is made and closed: natively, or scripted in tests. */
  interface Binder {
    int open() throws IOException;

    void close(int fd);
  }

  private final String url;
  private final Binder binder;
  private final Consumer<String> log;
  private int fd = -1;
  private int holders;
  /** Bumped by {@link #close}: a lease from before it no longer counts. */
  private long epoch;

  SharedSocket(String url, Binder binder, Consumer<String> log) {
    this.url = url;
    this.binder = binder;
    this.log = log;
  }

  /**
   * The group's socket, not yet made.
   *
   * @param log where the {@code Creating socket}/{@code Closing socket} lines go (the main log, INFO)
   */
  public static SharedSocket of(FcgiSocket config, Consumer<String> log) {
    return new SharedSocket(config.url(), new Binder() {
      @Override
      public int open() throws IOException {
        return ListeningSocket.open(LibC.get(), config);
      }

      @Override
      public void close(int fd) {
        ListeningSocket.close(LibC.get(), fd);
      }
    }, log);
  }

  public String url() {
    return url;
  }

  /** One holder more; the first makes the socket (bind and listen). */
  public synchronized Lease acquire() throws SpawnException {
    if (holders == 0) {
      log.accept("Creating socket " + url);
      try {
        fd = binder.open();
      } catch (IOException e) {
        throw new SpawnException(Fault.SPAWN_ERROR, "Could not create FastCGI socket " + url + ": " + e.getMessage());
      }
    }
    holders++;
    return new Lease(fd, epoch);
  }

  /**
   * Supervisor's check when it makes the group: the socket is made and closed at once, so that a
   * socket that cannot be bound shows at once.
   *
   * @throws SpawnException {@code Could not create FastCGI socket <url>: <reason>}
   */
  public void probe() throws SpawnException {
    acquire().release();
  }

  /** How many processes hold the socket now. */
  public synchronized int holders() {
    return holders;
  }

  /** The group is gone: closes the socket if anything still holds it; later releases are ignored. */
  public synchronized void close() {
    if (holders > 0) {
      holders = 0;
      closeNow();
    }
    epoch++;
  }

  private synchronized void release(Lease lease) {
    if (lease.epoch != epoch || holders == 0) {
      return;
    }
    if (--holders == 0) {
      closeNow();
    }
  }

  private void closeNow() {
    log.accept("Closing socket " + url);
    binder.close(fd);
    fd = -1;
  }

  /** One process's hold on the socket; released once, when its child has been reaped or was never made. */
  public final class Lease {
    private final int fd;
    private final long epoch;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(int fd, long epoch) {
      this.fd = fd;
      this.epoch = epoch;
    }

    /** The listening socket's fd in the daemon, to dup2 onto the child's fd 0. */
    public int fd() {
      return fd;
    }

    public void release() {
      if (released.compareAndSet(false, true)) {
        SharedSocket.this.release(this);
      }
    }
  }
}
