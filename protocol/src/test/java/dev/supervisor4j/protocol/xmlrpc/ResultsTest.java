package dev.supervisor4j.protocol.xmlrpc;

import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.i;
import static dev.supervisor4j.protocol.xmlrpc.RpcHarness.s;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.supervisor4j.protocol.ConfigInfo;
import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.ProcessState;
import dev.supervisor4j.protocol.testing.FakeSupervisorApi;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Supervisor's struct layouts (spec §2.7), byte for byte. The expected bodies are what supervisord
 * 4.2.5 sent for the same data (member order included), or Python's dumps() of it.
 */
class ResultsTest {
  private final RpcHarness rpc = new RpcHarness();

  @Test
  void getProcessInfoExactly() {
    assertEquals("""
        <?xml version='1.0'?>
        <methodResponse>
        <params>
        <param>
        <value><struct>
        <member>
        <name>name</name>
        <value><string>gb</string></value>
        </member>
        <member>
        <name>group</name>
        <value><string>grp</string></value>
        </member>
        <member>
        <name>start</name>
        <value><int>1795486900</int></value>
        </member>
        <member>
        <name>stop</name>
        <value><int>0</int></value>
        </member>
        <member>
        <name>now</name>
        <value><int>1795486930</int></value>
        </member>
        <member>
        <name>state</name>
        <value><int>20</int></value>
        </member>
        <member>
        <name>statename</name>
        <value><string>RUNNING</string></value>
        </member>
        <member>
        <name>spawnerr</name>
        <value><string></string></value>
        </member>
        <member>
        <name>exitstatus</name>
        <value><int>0</int></value>
        </member>
        <member>
        <name>logfile</name>
        <value><string>/var/log/sv/gb.out</string></value>
        </member>
        <member>
        <name>stdout_logfile</name>
        <value><string>/var/log/sv/gb.out</string></value>
        </member>
        <member>
        <name>stderr_logfile</name>
        <value><string>/var/log/sv/gb.err</string></value>
        </member>
        <member>
        <name>pid</name>
        <value><int>7880</int></value>
        </member>
        <member>
        <name>description</name>
        <value><string>pid 7880, uptime 0:00:30</string></value>
        </member>
        </struct></value>
        </param>
        </params>
        </methodResponse>
        """, rpc.raw("supervisor.getProcessInfo", s("grp:gb")));
  }

  @Test
  void timesAreClampedToInt32() {
    ProcessInfo p = new ProcessInfo("a", "a", 1L << 40, -(1L << 40), 4_000_000_000L, ProcessState.STOPPED,
        "", -1, "", "", 0, "Not started");
    XmlRpcValue.Struct s = (XmlRpcValue.Struct) Results.processInfo(p);
    assertEquals(i(Integer.MAX_VALUE), s.get("start"));
    assertEquals(i(Integer.MIN_VALUE), s.get("stop"));
    assertEquals(i(Integer.MAX_VALUE), s.get("now"));
    assertEquals(i(-1), s.get("exitstatus"));
  }

  @Test
  void configInfoHasSupervisorsTwentyNineKeysInOrder() {
    XmlRpcValue.Struct s = (XmlRpcValue.Struct) Results.configInfo(FakeSupervisorApi.config("cat", "cat"));
    assertEquals(List.of("autostart", "directory", "uid", "command", "exitcodes", "group", "group_prio",
        "inuse", "killasgroup", "name", "process_prio", "redirect_stderr", "startretries", "startsecs",
        "stdout_capture_maxbytes", "stdout_events_enabled", "stdout_logfile", "stdout_logfile_backups",
        "stdout_logfile_maxbytes", "stdout_syslog", "stopsignal", "stopwaitsecs",
        "stderr_capture_maxbytes", "stderr_events_enabled", "stderr_logfile", "stderr_logfile_backups",
        "stderr_logfile_maxbytes", "stderr_syslog", "serverurl"), new ArrayList<>(s.members().keySet()));
    assertEquals(s("none"), s.get("directory"));
    assertEquals(s("none"), s.get("uid"));
    assertEquals(s("auto"), s.get("stdout_logfile"));
    assertEquals(XmlRpcValue.array(i(0)), s.get("exitcodes"));
    assertEquals(i(15), s.get("stopsignal"));
  }

  @Test
  void configInfoSendsLargeMaxbytesAsI8AndNumericUidAsInt() {
    String body = rpc.raw("supervisor.getAllConfigInfo");
    // stderr_logfile_maxbytes=3GB: Supervisor answers HTTP 500 here; we send <i8>.
    assertEquals(3, body.split("<name>stderr_logfile_maxbytes</name>\n<value><i8>3221225472</i8></value>", -1).length - 1);
    ConfigInfo withUid = new ConfigInfo("a", "a", true, true, 1, 1, "c", "/tmp", "1000", List.of(0, 2),
        false, false, 3, 1, 15, 10, "unix:///tmp/s.sock", FakeSupervisorApi.config("a", "a").stdout(),
        FakeSupervisorApi.config("a", "a").stderr());
    XmlRpcValue.Struct s = (XmlRpcValue.Struct) Results.configInfo(withUid);
    assertEquals(i(1000), s.get("uid"));
    assertEquals(XmlRpcValue.array(i(0), i(2)), s.get("exitcodes"));
  }

  @Test
  void resultArraysReloadConfigTailAndStateExactly() {
    assertEquals("""
        <?xml version='1.0'?>
        <methodResponse>
        <params>
        <param>
        <value><array><data>
        <value><struct>
        <member>
        <name>name</name>
        <value><string>ga</string></value>
        </member>
        <member>
        <name>group</name>
        <value><string>grp</string></value>
        </member>
        <member>
        <name>status</name>
        <value><int>80</int></value>
        </member>
        <member>
        <name>description</name>
        <value><string>OK</string></value>
        </member>
        </struct></value>
        <value><struct>
        <member>
        <name>name</name>
        <value><string>gb</string></value>
        </member>
        <member>
        <name>group</name>
        <value><string>grp</string></value>
        </member>
        <member>
        <name>status</name>
        <value><int>80</int></value>
        </member>
        <member>
        <name>description</name>
        <value><string>OK</string></value>
        </member>
        </struct></value>
        </data></array></value>
        </param>
        </params>
        </methodResponse>
        """, rpc.raw("supervisor.stopProcessGroup", s("grp")));
    assertEquals("""
        <?xml version='1.0'?>
        <methodResponse>
        <params>
        <param>
        <value><array><data>
        <value><string></string></value>
        <value><int>0</int></value>
        <value><boolean>0</boolean></value>
        </data></array></value>
        </param>
        </params>
        </methodResponse>
        """, rpc.raw("supervisor.tailProcessStderrLog", s("cat"), i(0), i(10)));
    assertEquals("""
        <?xml version='1.0'?>
        <methodResponse>
        <params>
        <param>
        <value><struct>
        <member>
        <name>statecode</name>
        <value><int>1</int></value>
        </member>
        <member>
        <name>statename</name>
        <value><string>RUNNING</string></value>
        </member>
        </struct></value>
        </param>
        </params>
        </methodResponse>
        """, rpc.raw("supervisor.getState"));
    FakeSupervisorApi empty = new FakeSupervisorApi();
    assertEquals("""
        <?xml version='1.0'?>
        <methodResponse>
        <params>
        <param>
        <value><array><data>
        <value><array><data>
        <value><array><data>
        </data></array></value>
        <value><array><data>
        </data></array></value>
        <value><array><data>
        </data></array></value>
        </data></array></value>
        </data></array></value>
        </param>
        </params>
        </methodResponse>
        """, // supervisord 4.2.5 with nothing changed: [[[], [], []]]
        new RpcHarness(empty).raw("supervisor.reloadConfig"));
  }
}
