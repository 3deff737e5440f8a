package dev.supervisor4j.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** echo_supervisord_conf prints the whole sample, arguments or not. */
class EchoSupervisordConfTest {

  @Test
  void printsTheSampleAndIgnoresArguments() {
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(buffer, true, StandardCharsets.UTF_8));
    try {
      EchoSupervisordConf.main(new String[] {"--ignored", "x"});
    } finally {
      System.setOut(original);
    }
    String out = buffer.toString(StandardCharsets.UTF_8);
    assertEquals(EchoSupervisordConf.sampleText(), out);
    for (String section : List.of("\n[unix_http_server]\n", "\n;[inet_http_server]\n",
        "\n[supervisord]\n", "\n[rpcinterface:supervisor]\n", "\n[supervisorctl]\n",
        "\n;[program:theprogramname]\n", "\n;[eventlistener:theeventlistenername]\n",
        "\n;[group:thegroupname]\n", "\n;[include]\n")) {
      assertTrue(out.contains(section), "missing " + section.strip());
    }
  }
}
