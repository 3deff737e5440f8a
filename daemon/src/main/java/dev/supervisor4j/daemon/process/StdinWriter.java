package dev.supervisor4j.daemon.process;

import dev.supervisor4j.daemon.spawn.RunningChild;
import dev.supervisor4j.protocol.Fault;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.Done;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.pattern.StatusReply;

/**
 * Writes to one process's stdin off the actor: a child that does not read its stdin fills the pipe,
 * and a blocking write must hold up only the writes to that child, never its actor (which must
 * still be able to stop it) nor other children. Writes are chained, so they keep their order;
 * threads come from a shared pool and go away when idle.
 */
final class StdinWriter {
  private static final ExecutorService POOL = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 30, TimeUnit.SECONDS,
      new SynchronousQueue<>(), r -> {
        Thread t = new Thread(null, r, "stdin-writer", 256 * 1024);
        t.setDaemon(true);
        return t;
      });

  private CompletableFuture<Void> last = CompletableFuture.completedFuture(null);

  /** Writes {@code data} after the earlier writes, then answers: ack, or NO_FILE on EPIPE. */
  synchronized void write(RunningChild child, byte[] data, String namespec, ActorRef<StatusReply<Done>> replyTo) {
    last = last.thenRunAsync(() -> {
      try {
        child.stdin().write(data);
        child.stdin().flush();
        ProcessEnv.ack(replyTo);
      } catch (IOException e) {
        ProcessEnv.reject(replyTo, Fault.NO_FILE, namespec);
      }
    }, POOL);
  }
}
