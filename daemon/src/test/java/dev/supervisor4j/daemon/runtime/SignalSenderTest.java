package dev.supervisor4j.daemon.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.jna.Native;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading who sent a signal from {@code siginfo_t}, and the signal mask from {@code /proc}. */
class SignalSenderTest {
  private static byte[] siginfo(int signo, int code, int pid, int uid) {
    ByteBuffer b = ByteBuffer.allocate(DaemonLibC.SIGINFO_SIZE).order(ByteOrder.nativeOrder());
    b.putInt(0, signo).putInt(4, 0).putInt(8, code);
    int at = Native.LONG_SIZE == 8 ? 16 : 12;
    b.putInt(at, pid).putInt(at + 4, uid);
    return b.array();
  }

  @Test
  void aSignalFromAProcessNamesItsPidUidAndCommand() {
    long self = ProcessHandle.current().pid();
    SignalWaiter.Sender s = SignalWaiter.Sender.of(siginfo(15, 0, (int) self, 1000)); // SI_USER: kill(2)
    assertEquals((int) self, s.pid());
    assertEquals(1000, s.uid());
    assertFalse(s.command().isEmpty(), "this JVM's /proc/self/comm");
    assertEquals("pid " + self + " (uid 1000, " + s.command() + ")", s.describe());
    assertEquals((int) self, SignalWaiter.Sender.of(siginfo(15, -6, (int) self, 0)).pid(), "SI_TKILL: tgkill(2)");
    assertEquals((int) self, SignalWaiter.Sender.of(siginfo(15, -1, (int) self, 0)).pid(), "SI_QUEUE: sigqueue(3)");
  }

  @Test
  void aSenderThatHasExitedKeepsPidAndUid() {
    assertEquals("pid 2147483000 (uid 0)", SignalWaiter.Sender.of(siginfo(1, 0, 2147483000, 0)).describe());
  }

  @Test
  void theKernelsSignalsHaveNoSender() {
    // SI_KERNEL (0x80): a terminal's Ctrl-C; whatever the union holds is not a pid then.
    assertEquals(SignalWaiter.Sender.UNKNOWN, SignalWaiter.Sender.of(siginfo(2, 0x80, 4242, 0)));
    assertEquals("", SignalWaiter.Sender.UNKNOWN.describe());
    assertEquals(SignalWaiter.Sender.UNKNOWN, SignalWaiter.Sender.of(siginfo(15, 0, 0, 0)));
  }

  @Test
  void theMaskIsReadFromProcStatus() {
    String all = "Name:\tjava\nSigPnd:\t0000000000000000\nSigBlk:\t0000000000004807\nSigIgn:\t0\n";
    assertTrue(SignalMask.allBlocked(all), "HUP INT QUIT USR2 TERM");
    assertFalse(SignalMask.allBlocked(all.replace("4807", "4806")), "HUP missing");
    assertFalse(SignalMask.allBlocked(all.replace("4807", "0807")), "TERM missing");
    assertFalse(SignalMask.allBlocked("Name:\tjava\n"));
    assertTrue(SignalMask.reducedSignalUsage(List.of("-Xmx1g", "-Xrs", "-cp", "x", "Main")));
    assertTrue(SignalMask.reducedSignalUsage(List.of("-XX:+ReduceSignalUsage", "Main")));
    assertFalse(SignalMask.reducedSignalUsage(List.of("-Xmx1g", "Main")));
  }
}
