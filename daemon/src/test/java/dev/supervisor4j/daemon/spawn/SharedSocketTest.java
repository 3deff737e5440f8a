package dev.supervisor4j.daemon.spawn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.supervisor4j.protocol.Fault;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Supervisor's reference counting of an fcgi group's socket, with a scripted binder. */
class SharedSocketTest {
  private final List<String> log = new ArrayList<>();
  private final List<String> calls = new ArrayList<>();
  private IOException nextFailure;
  private int nextFd = 10;

  private final SharedSocket socket = new SharedSocket("tcp://127.0.0.1:9002", new SharedSocket.Binder() {
    @Override
    public int open() throws IOException {
      if (nextFailure != null) {
        IOException e = nextFailure;
        nextFailure = null;
        throw e;
      }
      calls.add("open " + nextFd);
      return nextFd++;
    }

    @Override
    public void close(int fd) {
      calls.add("close " + fd);
    }
  }, log::add);

  @Test
  void madeByTheFirstHolderAndClosedAfterTheLast() throws Exception {
    SharedSocket.Lease a = socket.acquire();
    SharedSocket.Lease b = socket.acquire();
    assertEquals(10, a.fd());
    assertEquals(10, b.fd(), "every holder gets the same socket");
    assertEquals(2, socket.holders());
    a.release();
    a.release(); // once only: a lease counts one holder
    assertEquals(1, socket.holders());
    assertEquals(List.of("open 10"), calls, "still held by b");
    b.release();
    assertEquals(0, socket.holders());
    assertEquals(List.of("open 10", "close 10"), calls);
    assertEquals(List.of("Creating socket tcp://127.0.0.1:9002", "Closing socket tcp://127.0.0.1:9002"), log);

    SharedSocket.Lease c = socket.acquire();
    assertEquals(11, c.fd(), "a new socket once the last holder has gone");
    c.release();
  }

  @Test
  void probeMakesAndClosesAtOnce() throws Exception {
    socket.probe();
    assertEquals(List.of("open 10", "close 10"), calls);
    assertEquals(List.of("Creating socket tcp://127.0.0.1:9002", "Closing socket tcp://127.0.0.1:9002"), log);
  }

  @Test
  void aSocketThatCannotBeMadeIsASpawnErrorAndCountsNoHolder() throws Exception {
    nextFailure = new IOException("[Errno 98] Address already in use");
    SpawnException e = assertThrows(SpawnException.class, socket::acquire);
    assertEquals(Fault.SPAWN_ERROR, e.fault());
    assertEquals("Could not create FastCGI socket tcp://127.0.0.1:9002: [Errno 98] Address already in use",
        e.getMessage());
    assertEquals(0, socket.holders());
    assertEquals(List.of("Creating socket tcp://127.0.0.1:9002"), log, "no Closing line: nothing was made");
    SharedSocket.Lease next = socket.acquire();
    assertEquals(List.of("open 10"), calls, "the next spawn tries again");
    next.release();
  }

  @Test
  void closingTheGroupClosesAHeldSocketAndOldLeasesNoLongerCount() throws Exception {
    SharedSocket.Lease old = socket.acquire();
    socket.close();
    assertEquals(List.of("open 10", "close 10"), calls);
    SharedSocket.Lease fresh = socket.acquire();
    old.release(); // from before the close: must not take the new socket away from its holder
    assertEquals(1, socket.holders());
    assertEquals(List.of("open 10", "close 10", "open 11"), calls);
    fresh.release();
    socket.close(); // nothing held: nothing to close
    assertEquals(List.of("open 10", "close 10", "open 11", "close 11"), calls);
  }
}
