package dev.supervisor4j.daemon.config;

import static dev.supervisor4j.daemon.config.ConfigCase.error;
import static dev.supervisor4j.daemon.config.ConfigCase.group;
import static dev.supervisor4j.daemon.config.ConfigCase.groupNames;
import static dev.supervisor4j.daemon.config.ConfigCase.messages;
import static dev.supervisor4j.daemon.config.ConfigCase.ok;
import static dev.supervisor4j.daemon.config.ConfigCase.proc;
import static dev.supervisor4j.daemon.config.ConfigCase.processNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.supervisor4j.protocol.Signal;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table of configs exercising each section's options, defaults and errors; each expected value or
 * message is what Supervisor 4.2.5 gives for the same file.
 */
class SectionCasesTest {
  private static final String SV = "[supervisord]\n";
  private static final String X = SV + "[program:x]\ncommand=ls\n";
  private static final String SUFFIX = " in section 'program:x' (file: 'supervisord.conf')";

  static Stream<ConfigCase> cases() {
    return Stream.of(
        ok("program defaults", X, c -> {
          ProgramConfig p = proc(c, "x");
          assertEquals("x", p.name());
          assertEquals("program:x", p.sectionName());
          assertEquals("supervisord.conf", p.sourceFile());
          assertEquals(List.of(999, 1, 3, 10), List.of(p.priority(), p.startSecs(),
              p.startRetries(), p.stopWaitSecs()));
          assertTrue(p.autostart());
          assertEquals(AutoRestart.UNEXPECTED, p.autoRestart());
          assertEquals(List.of(0), p.exitCodeList());
          assertEquals(Signal.TERM, p.stopSignal());
          assertFalse(p.stopAsGroup() || p.killAsGroup() || p.redirectStderr());
          assertEquals(ChannelConfig.defaults(), p.stdout());
          assertEquals(ChannelConfig.defaults(), p.stderr());
          assertNull(p.user());
          assertNull(p.directory());
          assertNull(p.umask());
          assertNull(p.serverUrl());
          assertEquals(Map.of(), p.environment());
          assertEquals(GroupKind.PROGRAM, group(c, "x").kind());
        }),
        ok("byte sizes", X + "stdout_logfile_maxbytes=1 MB\nstderr_logfile_maxbytes=2kb\n"
                + "stdout_capture_maxbytes=1GB\n",
            c -> assertEquals(List.of(1048576L, 2048L, 1073741824L), List.of(
                proc(c, "x").stdout().maxBytes(), proc(c, "x").stderr().maxBytes(),
                proc(c, "x").stdout().captureMaxBytes()))),
        error("bad byte size shows lower case", X + "stdout_logfile_maxbytes=10XB\n",
            "invalid literal for int() with base 10: '10xb'" + SUFFIX),
        error("bad boolean", X + "autostart=maybe\n", "not a valid boolean value: 'maybe'" + SUFFIX),
        error("unknown signal name", X + "stopsignal=FOO\n",
            "value 'FOO' is not a valid signal name" + SUFFIX),
        error("invalid signal number", X + "stopsignal=99\n",
            "value '99' is not a valid signal number" + SUFFIX),
        ok("signal spellings", X + "stopsignal= hup \n[program:y]\ncommand=ls\nstopsignal=9\n"
                + "[program:z]\ncommand=ls\nstopsignal=sigusr2\n",
            c -> assertEquals(List.of(Signal.HUP, Signal.KILL, Signal.USR2), List.of(
                proc(c, "x").stopSignal(), proc(c, "y").stopSignal(), proc(c, "z").stopSignal()))),
        error("bad umask", X + "umask=999\n", "999 can not be converted to an octal type" + SUFFIX),
        ok("octal forms", X + "umask=0o27\n", c -> assertEquals(027, proc(c, "x").umask())),
        error("exit code out of range", X + "exitcodes=0,256\n",
            "not a valid list of exit codes: '0,256'" + SUFFIX),
        ok("exit codes with blanks, and empty", X + "exitcodes= 0, 2 ,3\n"
                + "[program:y]\ncommand=ls\nexitcodes=\n",
            c -> {
              assertEquals(List.of(0, 2, 3), proc(c, "x").exitCodeList());
              assertEquals(List.of(), proc(c, "y").exitCodeList());
            }),
        error("bad autorestart", X + "autorestart=sometimes\n",
            "invalid 'autorestart' value 'sometimes'" + SUFFIX),
        ok("autorestart words", X + "autorestart=TRUE\n[program:y]\ncommand=ls\nautorestart=off\n",
            c -> assertEquals(List.of(AutoRestart.TRUE, AutoRestart.FALSE),
                List.of(proc(c, "x").autoRestart(), proc(c, "y").autoRestart()))),
        ok("Python int forms", "[supervisord]\nminfds=1_000\nminprocs= +5 \n"
                + "[program:x]\ncommand=ls\nstartsecs=-1\npriority=007\n",
            c -> assertEquals(List.of(1000, 5, -1, 7), List.of(c.daemon().minfds(),
                c.daemon().minprocs(), proc(c, "x").startSecs(), proc(c, "x").priority()))),
        error("numprocs > 1 without process_num", X + "numprocs=2\n",
            "%(process_num) must be present within process_name when numprocs > 1" + SUFFIX),
        error("missing command", SV + "[program:x]\nnumprocs=1\n",
            "program section program:x does not specify a command" + SUFFIX),
        ok("numprocs=0 needs no command", SV + "[program:y]\nnumprocs=0\n",
            c -> assertEquals(List.of(), group(c, "y").processes())),
        error("stopasgroup without killasgroup", X + "stopasgroup=true\nkillasgroup=false\n",
            "Cannot set stopasgroup=true and killasgroup=false" + SUFFIX),
        ok("stopasgroup turns killasgroup on", X + "stopasgroup=true\n",
            c -> assertTrue(proc(c, "x").killAsGroup())),
        error("unknown user", X + "user=nosuchuser\n", "Invalid user name nosuchuser" + SUFFIX),
        error("unknown uid", X + "user=99999\n", "Invalid user id 99999" + SUFFIX),
        ok("user resolved at load", X + "user=root\n",
            c -> assertEquals(new UserSpec("root", 0, 0, "/root"), proc(c, "x").user())),
        error("bad program name has no suffix", SV + "[program:foo bar]\ncommand=ls\n",
            "Invalid name: 'foo bar' because of character: ' '"),
        error("bad process_name has the suffix", X + "process_name=a/b\n",
            "Invalid name: 'a/b' because of character: '/'" + SUFFIX),
        ok("load-time WARNs and the syslog alias", X
                + "redirect_stderr=true\nstderr_logfile=/tmp/e.log\nstdout_logfile=syslog\n"
                + "[program:y]\ncommand=ls\nstdout_logfile_maxbytes=0\nstderr_logfile=NONE\n",
            c -> {
              assertEquals(LogTarget.NONE, proc(c, "x").stdout().logfile());
              assertTrue(proc(c, "x").stdout().syslog());
              assertEquals(LogTarget.NONE, proc(c, "x").stderr().logfile());
              assertEquals(List.of(
                  "WARN For [program:x], stdout_logfile=syslog but this is deprecated and will be "
                      + "removed.  Use stdout_syslog=true to enable syslog instead.",
                  "WARN For [program:x], redirect_stderr=true but stderr_logfile has also been set "
                      + "to a filename, the filename has been ignored",
                  "WARN For [program:y], AUTO logging used for stdout_logfile without rollover, "
                      + "set maxbytes > 0 to avoid filling up filesystem unintentionally"),
                  messages(c));
            }),
        error("log file in a missing directory", X + "stdout_logfile=/nonexistent/x.log\n",
            "The directory named as part of the path /nonexistent/x.log does not exist" + SUFFIX),
        ok("~ in a log path; directory unchecked; serverurl", X
                + "stderr_logfile=~root/x.log\ndirectory=/nonexistent\nserverurl=AUTO\n"
                + "[program:y]\ncommand=ls\nserverurl=unix:///tmp/s.sock\n",
            c -> {
              assertEquals(new LogTarget.File(Path.of("/root/x.log")),
                  proc(c, "x").stderr().logfile());
              assertEquals("/nonexistent", proc(c, "x").directory());
              assertNull(proc(c, "x").serverUrl());
              assertEquals("unix:///tmp/s.sock", proc(c, "y").serverUrl());
            }),
        // ---- [group:x]
        error("group names an unknown program", SV + "[group:g]\nprograms=bar,foo\n" + X,
            "[group:g] names unknown program or fcgi-program bar"),
        error("label quirk after the first member", SV + "[group:g]\nprograms=x,bar\n" + X,
            "[program:x] names unknown program or fcgi-program bar"),
        error("ambiguous member, with the label quirk", SV + "[group:g]\nprograms=y,x\n"
                + "[program:x]\ncommand=ls\n[fcgi-program:x]\ncommand=ls\nsocket=tcp://h:1\n"
                + "[program:y]\ncommand=ls\n",
            "[program:y] name x is ambiguous (exists as program and fcgi-program)"),
        ok("an fcgi-program inside a group loses its socket, unchecked",
            SV + "[group:g]\nprograms=f\n[fcgi-program:f]\ncommand=ls\nsocket=bogus\n",
            c -> {
              assertEquals(List.of("g"), groupNames(c));
              assertEquals(GroupKind.GROUP, group(c, "g").kind());
              assertNull(group(c, "g").fcgiSocket());
              assertEquals("fcgi-program:f", proc(c, "g").sectionName());
            }),
        ok("group order, priority, members' groups disappear", SV + """
            [group:g]
            programs=b,a
            priority=5
            [program:a]
            command=ls
            [program:b]
            command=ls
            priority=1
            """, c -> {
              assertEquals(List.of("g"), groupNames(c));
              assertEquals(List.of("b", "a"), processNames(c, "g"));
              assertEquals(5, group(c, "g").priority());
              assertEquals(1, proc(c, "g").priority());
            }),
        ok("a program in two groups runs twice",
            SV + "[group:g1]\nprograms=x\n[group:g2]\nprograms=x\n" + X.substring(SV.length()),
            c -> assertEquals(List.of("g1", "g2"), groupNames(c))),
        ok("name clash: the [group:] section wins", SV + "[group:x]\n" + X.substring(SV.length()),
            c -> {
              assertEquals(List.of("x"), groupNames(c));
              assertEquals(GroupKind.GROUP, group(c, "x").kind());
              assertEquals(List.of(), group(c, "x").processes());
            }),
        ok("groups sorted by (priority, name); listeners default -1", SV + """
            [program:b]
            command=ls
            priority=5
            [program:a]
            command=ls
            priority=5
            [eventlistener:l]
            command=ls
            events=process_state,TICK_60
            [program:c]
            command=ls
            priority=1
            """, c -> {
              assertEquals(List.of("l", "c", "a", "b"), groupNames(c));
              assertEquals(new ListenerOptions(List.of("PROCESS_STATE", "TICK_60"), 10,
                  EntryPoints.DEFAULT_RESULT_HANDLER), group(c, "l").listener());
            }),
        // ---- [eventlistener:x]
        error("listener without events", SV + "[eventlistener:l]\ncommand=ls\n",
            "[eventlistener:l] section requires an \"events\" line"),
        error("unknown event type", SV + "[eventlistener:l]\ncommand=ls\nevents=TICK_5,FOO\n",
            "Unknown event type FOO in [eventlistener:l] events"),
        error("buffer_size below 1", SV + "[eventlistener:l]\ncommand=ls\nevents=TICK_5\n"
                + "buffer_size=0\n", "[eventlistener:l] section sets invalid buffer_size (0)"),
        error("listener with redirect_stderr", SV + "[eventlistener:l]\ncommand=ls\n"
                + "events=TICK_5\nredirect_stderr=true\n",
            "[eventlistener:l] section sets redirect_stderr=true but this is not allowed because "
                + "it will interfere with the eventlistener protocol"),
        error("listener name is checked per process", SV + "[eventlistener:a b]\ncommand=ls\n"
                + "events=TICK_5\n", "Invalid name: 'a b' because of character: ' ' "
                + "in section 'eventlistener:a b' (file: 'supervisord.conf')"),
        error("unknown result handler", SV + "[eventlistener:l]\ncommand=ls\nevents=TICK_5\n"
                + "result_handler=foo:bar\n", "foo:bar cannot be resolved within [eventlistener:l]"),
        // ---- HTTP servers
        error("bare port out of range", SV + "[inet_http_server]\nport=99999\n",
            "not a valid port number: '99999' "),
        error("port 0", SV + "[inet_http_server]\nport=h:0\n", "0 is below lower bound (1)"),
        error("empty port", SV + "[inet_http_server]\nport=h:\n", "no port number specified in ''"),
        error("non-numeric port after host", SV + "[inet_http_server]\nport=h:abc\n",
            "invalid literal for int() with base 10: 'abc'"),
        error("inet without port", SV + "[inet_http_server]\n",
            "section [inet_http_server] has no port value"),
        error("incomplete authentication", SV + "[inet_http_server]\nport=9001\nusername=u\n",
            "Section [inet_http_server] contains incomplete authentication: If a username or a "
                + "password is specified, both the username and password must be specified"),
        ok("servers: inet first, prefix sections, unix options", SV + """
            [unix_http_server]
            file=%(here)s/s.sock
            chmod=0777
            chown=root:root
            [inet_http_server]
            port=LocalHost:9001
            username=u
            password={SHA}abc
            [inet_http_serverX]
            port=*:9002
            """, c -> assertEquals(List.of(
                new HttpServerConfig.Inet("inet_http_server", "localhost", 9001, "u", "{SHA}abc"),
                new HttpServerConfig.Inet("inet_http_serverX", "", 9002, null, null),
                new HttpServerConfig.Unix("unix_http_server", c.here().resolve("s.sock"), 0777, 0,
                    0, null, null)), c.httpServers())),
        error("unix without file", SV + "[unix_http_server]\nchmod=0777\n",
            "section [unix_http_server] has no file value"),
        error("bad chmod", SV + "[unix_http_server]\nfile=/tmp/x.sock\nchmod=abc\n",
            "Invalid chmod value abc"),
        error("bad chown", SV + "[unix_http_server]\nfile=/tmp/x.sock\nchown=nosuchuser\n",
            "Invalid sockchown value nosuchuser"),
        // ---- [rpcinterface:x]
        error("rpcinterface without factory", SV + "[rpcinterface:foo]\nbar=1\n",
            "section [rpcinterface:foo] does not specify a supervisor.rpcinterface_factory"),
        error("unknown factory", SV + "[rpcinterface:x]\nsupervisor.rpcinterface_factory=nomod:x\n",
            "nomod:x cannot be resolved within [rpcinterface:x]"),
        error("malformed factory", SV + "[rpcinterface:x]\nsupervisor.rpcinterface_factory=foo bar\n",
            "(\"EntryPoint must be in 'name=module:attrs [extras]' format\", 'x=foo bar')"),
        // ---- [fcgi-program:x]
        error("fcgi without socket", SV + "[fcgi-program:f]\ncommand=ls\n",
            "[fcgi-program:f] section requires a \"socket\" line"),
        error("fcgi bad socket", SV + "[fcgi-program:f]\ncommand=ls\nsocket=tcp://localhost\n",
            "('Bad socket format %s', 'tcp://localhost') in [fcgi-program:f] socket"),
        error("fcgi relative unix socket", SV + "[fcgi-program:f]\ncommand=ls\nsocket=unix://rel.sock\n",
            "('Unix socket path %s is not an absolute path', 'rel.sock') in [fcgi-program:f] socket"),
        error("fcgi socket_mode on tcp", SV + "[fcgi-program:f]\ncommand=ls\n"
                + "socket=tcp://h:9002\nsocket_mode=0777\n", "socket_owner and socket_mode params "
                + "should only be used with a Unix domain socket in [fcgi-program:f] socket"),
        error("fcgi backlog 0", SV + "[fcgi-program:f]\ncommand=ls\nsocket=tcp://h:1\n"
                + "socket_backlog=0\n", "Invalid socket_backlog value 0"),
        ok("fcgi program", SV + "[fcgi-program:f]\ncommand=ls\nsocket=tcp://LocalHost:9002\n"
                + "socket_backlog=10\nprocess_name=%(program_name)s_%(process_num)s\nnumprocs=2\n",
            c -> {
              assertEquals(new FcgiSocket("tcp://localhost:9002", 10, null, null),
                  group(c, "f").fcgiSocket());
              assertEquals(List.of("f_0", "f_1"), processNames(c, "f"));
            }),
        ok("fcgi unix socket owner and mode", SV + "[fcgi-program:f]\ncommand=ls\n"
                + "socket=unix:///tmp/%(program_name)s.sock\nsocket_owner=root:root\nsocket_mode=0660\n",
            c -> assertEquals(new FcgiSocket("unix:///tmp/f.sock", null, "root:root", 0660, 0, 0),
                group(c, "f").fcgiSocket())),
        ok("fcgi unix socket owner without a group", SV + "[fcgi-program:f]\ncommand=ls\n"
                + "socket=unix:///tmp/f.sock\nsocket_owner=root\n",
            c -> assertEquals(new FcgiSocket("unix:///tmp/f.sock", null, "root", null, 0, -1),
                group(c, "f").fcgiSocket(), "the group is left as made (chown's -1)")),
        // ---- [supervisord]
        ok("supervisord defaults", SV, c -> {
          DaemonSettings d = c.daemon();
          assertEquals(c.here().resolve("supervisord.log"), d.logfile());
          assertEquals(c.here().resolve("supervisord.pid"), d.pidfile());
          assertEquals(List.of(50L * 1024 * 1024, 10L, 022L, 1024L, 200L), List.of(
              d.logfileMaxBytes(), (long) d.logfileBackups(), (long) d.umask(),
              (long) d.minfds(), (long) d.minprocs()));
          assertEquals(LogLevel.INFO, d.loglevel());
          assertEquals("supervisor", d.identifier());
          assertFalse(d.nodaemon() || d.silent() || d.nocleanup() || d.stripAnsi());
          assertNull(d.user());
          assertNull(d.directory());
          assertEquals(Path.of("/tmp"), d.childlogdir()); // no TMPDIR in the test environment
        }),
        ok("supervisord options", """
            [supervisord]
            loglevel: debug
            umask=077
            identifier=ident
            nodaemon=true
            logfile=logs/main.log
            logfile_maxbytes=0
            logfile=syslog
            environment=A="x,y",B=2
            """, c -> {
              assertEquals(LogLevel.DEBUG, c.daemon().loglevel());
              assertEquals(077, c.daemon().umask());
              assertTrue(c.daemon().logfileSyslog());
              assertNull(c.daemon().logfile());
              assertEquals(Map.of("A", "x,y", "B", "2"), c.daemon().environment());
            }),
        error("loglevel warning is rejected", "[supervisord]\nloglevel=warning\n",
            "bad logging level name 'warning'"),
        error("childlogdir must exist", "[supervisord]\nchildlogdir=/nonexistent\n",
            "/nonexistent is not an existing directory"),
        error("supervisord user is checked after the sections",
            "[supervisord]\nuser=nosuchuser\n[inet_http_server]\n",
            "section [inet_http_server] has no port value"),
        error("unknown supervisord user", "[supervisord]\nuser=nosuchuser\n",
            "Invalid user name nosuchuser"),
        ok("command line beats the file", "[supervisord]\nloglevel=info\nlogfile=a.log\n",
            c -> {
              assertEquals(LogLevel.DEBUG, c.daemon().loglevel());
              assertEquals(c.here().resolve("b.log"), c.daemon().logfile());
              assertTrue(c.daemon().nodaemon());
              assertEquals(0, c.daemon().user().uid());
            })
            .withCli(new CommandLineOverrides(true, false, "root", null, null, "b.log", null, null,
                LogLevel.DEBUG, null, null, null, false, null, null, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loadsLikeSupervisor(ConfigCase c, @TempDir Path dir) throws IOException {
    c.run(dir);
  }
}
