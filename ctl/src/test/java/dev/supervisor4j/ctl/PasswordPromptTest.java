package dev.supervisor4j.ctl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A username without a password asks for one at a terminal, and only there. */
class PasswordPromptTest {
  static String run(boolean tty) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SupervisorCtl.run(List.of("-s", "unix:///nonexistent/s.sock", "-u", "bob", "status"), "supervisorctl",
        Map.of(), new ByteArrayInputStream("secret\n".getBytes(StandardCharsets.UTF_8)), out, err, tty);
    assertEquals(4, code, "status with no daemon");
    // Like getpass, the prompt goes to stderr.
    return err.toString(StandardCharsets.UTF_8) + "|" + out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void atATerminalItAsks() {
    String out = run(true);
    assertTrue(out.startsWith("Password:"), out);
    assertTrue(out.contains("unix:///nonexistent/s.sock no such file"), out);
  }

  @Test
  void inAScriptItBehavesAsSupervisorsDoes() {
    String out = run(false);
    assertFalse(out.contains("Password:"), out);
    assertEquals("|unix:///nonexistent/s.sock no such file\n", out);
  }
}
