package dev.supervisor4j.daemon.config;

import static dev.supervisor4j.daemon.config.ConfigCase.command;
import static dev.supervisor4j.daemon.config.ConfigCase.error;
import static dev.supervisor4j.daemon.config.ConfigCase.group;
import static dev.supervisor4j.daemon.config.ConfigCase.groupNames;
import static dev.supervisor4j.daemon.config.ConfigCase.messages;
import static dev.supervisor4j.daemon.config.ConfigCase.ok;
import static dev.supervisor4j.daemon.config.ConfigCase.proc;
import static dev.supervisor4j.daemon.config.ConfigCase.processNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Table of configs exercising the INI dialect, includes and {@code %(...)s} expansion; each expected
 * value or message is what Supervisor 4.2.5 gives for the same file.
 */
class ReaderCasesTest {
  private static final String SV = "[supervisord]\n";

  static Stream<ConfigCase> cases() {
    return Stream.of(
        // ---- inline comments: whitespace, then ; or #; quotes give no protection
        ok("semicolon after space cuts", SV + "[program:x]\ncommand=echo a ;b\n",
            c -> assertEquals("echo a", command(c, "x"))),
        ok("hash after space cuts", SV + "[program:x]\ncommand=echo a #b\n",
            c -> assertEquals("echo a", command(c, "x"))),
        ok("tab counts as the space", SV + "[program:x]\ncommand=echo a\t;b\n",
            c -> assertEquals("echo a", command(c, "x"))),
        ok("no space, no comment", SV + "[program:x]\ncommand=echo a;b#c\n",
            c -> assertEquals("echo a;b#c", command(c, "x"))),
        ok("quotes do not protect", SV + "[program:x]\ncommand=sh -c \"echo a ; echo b\"\n",
            c -> assertEquals("sh -c \"echo a", command(c, "x"))),
        ok("CPython cuts at the first qualifying round", SV + "[program:x]\ncommand=a#b #c ;d\n",
            c -> assertEquals("a#b #c", command(c, "x"))),
        // ---- delimiters, key case, continuation lines
        ok("colon delimiter, first delimiter wins", SV + "[program:x]\ncommand: echo a=b:c\n",
            c -> assertEquals("echo a=b:c", command(c, "x"))),
        ok("keys are lower-cased, last one wins",
            SV + "[program:x]\nCOMMAND=upper\ncommand=lower\nCommand: mixed\n",
            c -> assertEquals("mixed", command(c, "x"))),
        ok("continuation lines in command", SV + """
            [program:x]
            command=
              echo

              hi ; x
              ; comment

              there


            """, c -> assertEquals("\necho\n\nhi\n\nthere", command(c, "x"))),
        ok("continuation lines in environment", SV + """
            [program:x]
            command=ls
            environment=
               A="1",
               # a comment line inside
               B=2
            """, c -> assertEquals(Map.of("A", "1", "B", "2"), proc(c, "x").environment())),
        ok("indented header continues the previous value",
            SV + "[program:x]\ncommand=ls\n   [program:y]\ncommand=ls\n",
            c -> assertEquals(List.of("x"), groupNames(c))),
        ok("backslashes are literal", SV + "[program:x]\ncommand=a\\b\\\\c \\\n",
            c -> assertEquals("a\\b\\\\c \\", command(c, "x"))),
        ok("CRLF and CR line endings", "[supervisord]\r\nidentifier=x\r\n[program:x]\rcommand=ls\n",
            c -> assertEquals("ls", command(c, "x"))),
        // ---- section names
        ok("section names are case-sensitive; unknown sections ignored", SV + """
            [Program:x]
            command=ls
            [ program:z ]
            command=ls
            [unknown]
            foo=bar
            [program:y]
            command=ls
            bogus_key=1
            """, c -> assertEquals(List.of("y"), groupNames(c))),
        ok("header name runs from first [ to last ]",
            "[supervisord] trailing junk\n[program:x]]\ncommand=ls\n",
            c -> assertEquals(List.of("x]"), groupNames(c))),
        // ---- [DEFAULT]
        ok("DEFAULT keys are inherited",
            "[DEFAULT]\nautostart=false\n" + SV + "[program:x]\ncommand=ls\n"
                + "[program:y]\ncommand=ls\nautostart=true\n",
            c -> {
              assertFalse(proc(c, "x").autostart());
              assertTrue(proc(c, "y").autostart());
            }),
        error("DEFAULT leaks a bad value into programs",
            "[DEFAULT]\nstartsecs=abc\n" + SV + "[program:x]\ncommand=ls\n",
            "invalid literal for int() with base 10: 'abc' in section 'program:x' "
                + "(file: 'supervisord.conf')"),
        error("DEFAULT leaks into rpcinterface kwargs",
            "[DEFAULT]\nfoo=1\n" + SV + "[unix_http_server]\nfile={dir}/s.sock\n"
                + "[rpcinterface:supervisor]\nsupervisor.rpcinterface_factory = "
                + "supervisor.rpcinterface:make_main_rpcinterface\n",
            "Could not make supervisor rpc interface"),
        ok("DEFAULT in rpcinterface is harmless without HTTP servers",
            "[DEFAULT]\nfoo=1\n" + SV + "[rpcinterface:supervisor]\n"
                + "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface\n",
            c -> assertEquals(Map.of("foo", "1"), c.rpcInterfaces().get(0).extra())),
        // ---- parse errors
        error("line without a delimiter", SV + "[program:x]\ncommand=ls\ngarbage line\n",
            "Source contains parsing errors: 'supervisord.conf'\n\t[line  4]: 'garbage line\\n'"),
        error("every bad line is listed", SV + "[program:x]\ncommand=ls\nxx\n  yy\n=zz\n",
            "Source contains parsing errors: 'supervisord.conf'\n\t[line  4]: 'xx\\n'"
                + "\n\t[line  6]: '=zz\\n'"),
        error("text before any header", "garbage\n" + SV,
            "File contains no section headers.\nfile: 'supervisord.conf', line: 1\n'garbage\\n'"),
        error("a byte-order mark is not skipped", "\ufeff" + SV,
            "File contains no section headers.\nfile: 'supervisord.conf', line: 1\n"
                + "'\\ufeff[supervisord]\\n'"),
        error("no [supervisord]", "[program:x]\ncommand=ls\n",
            ".ini file does not include supervisord section"),
        // ---- ini4j expressions are never evaluated (CVE-2022-41404)
        ok("${...} comes back raw", SV + "[program:x]\ncommand=${program:x/command}\n"
                + "[s]\na = ${s/b}\nb = ${s/a}\n",
            c -> assertEquals("${program:x/command}", command(c, "x"))),
        // ---- [include]
        ok("includes: merge, include wins, here per file, messages", """
            [supervisord]
            identifier=main
            [include]
            files = conf.d/*.ini nomatch/*.ini sub/*.conf
            [program:main]
            command=ls %(here)s
            """, c -> {
              assertEquals("fromb", c.daemon().identifier());
              assertEquals("echo override", command(c, "a"));
              assertEquals(Path.of(c.here() + "/conf.d/a.log"),
                  ((LogTarget.File) proc(c, "a").stdout().logfile()).path());
              assertEquals("ls " + c.here(), command(c, "main"));
              assertEquals(c.here() + "/sub", command(c, "s"));
              assertEquals(c.here() + "/conf.d/c.ini", proc(c, "c").sourceFile());
              assertEquals(List.of(
                  "WARN No file matches via include \"" + c.here() + "/nomatch/*.ini\"",
                  "INFO Included extra file \"" + c.here() + "/conf.d/b.ini\" during parsing",
                  "INFO Included extra file \"" + c.here() + "/conf.d/c.ini\" during parsing",
                  "INFO Included extra file \"" + c.here() + "/sub/s.conf\" during parsing"),
                  messages(c));
              assertEquals(List.of("a", "c", "main", "s"), groupNames(c));
            })
            .with("conf.d/b.ini", "[program:a]\ncommand=echo\nstdout_logfile=%(here)s/a.log\n"
                + "[supervisord]\nidentifier=fromb\n")
            .with("conf.d/c.ini", "[program:a]\ncommand=echo override\n[include]\nfiles=x\n"
                + "[program:c]\ncommand=ls\n")
            .with("conf.d/.hidden.ini", "[program:hidden]\ncommand=ls\n")
            .with("sub/s.conf", "[program:s]\ncommand=%(here)s\n"),
        error("parse error names the included file", SV + "[include]\nfiles=bad.ini\n",
            "Source contains parsing errors: '{dir}/bad.ini'\n\t[line  3]: 'garbage\\n'")
            .with("bad.ini", "[program:x]\ncommand=ls\ngarbage\n"),
        error("error suffix names the included file", SV + "[include]\nfiles=e.ini\n",
            "invalid literal for int() with base 10: 'x' in section 'program:x' "
                + "(file: '{dir}/e.ini')")
            .with("e.ini", "[program:x]\nstartsecs=x\ncommand=ls\n"),
        error("[include] without files", SV + "[include]\n",
            ".ini file has [include] section, but no files setting"),
        ok("includes are not recursive", SV + "[include]\nfiles=one.ini\n",
            c -> assertEquals(List.of("one"), groupNames(c)))
            .with("one.ini", "[include]\nfiles=two.ini\n[program:one]\ncommand=ls\n")
            .with("two.ini", "[program:two]\ncommand=ls\n"),
        ok("[supervisord] may live in an include", "[include]\nfiles=sv.ini\n",
            c -> assertEquals("inc", c.daemon().identifier()))
            .with("sv.ini", "[supervisord]\nidentifier=inc\n"),
        ok("with [include], here works in any option", SV
                + "[include]\nfiles=none.ini\n[inet_http_server]\nport=9001\n"
                + "username=%(here)s\npassword=p\n",
            c -> assertEquals(c.here().toString(), c.httpServers().get(0).username())),
        error("without [include], here is not offered there",
            SV + "[inet_http_server]\nport=9001\nusername=%(here)s\npassword=p\n",
            "Format string '%(here)s' for 'inet_http_server.username' contains names ('here') "
                + "which cannot be expanded. Available names: ENV_HOME, ENV_PATH"),
        ok("a matched directory is logged but read as nothing", SV + "[include]\nfiles=d*\n",
            c -> assertEquals(List.of("INFO Included extra file \"" + c.here()
                + "/dd\" during parsing"), messages(c)))
            .with("dd/x.ini", "[program:x]\ncommand=ls\n"),
        // ---- %(...)s expansion
        ok("process_num with numprocs", SV + """
            [program:x]
            command=ls %(process_num)02d
            numprocs=3
            numprocs_start=8
            process_name=%(program_name)s_%(process_num)02d
            """, c -> {
              assertEquals(List.of("x_08", "x_09", "x_10"), processNames(c, "x"));
              assertEquals("ls 10", group(c, "x").processes().get(2).command());
              assertEquals(10, group(c, "x").processes().get(2).processNum());
            }),
        ok("ENV_, host_node_name, group_name, numprocs", SV
                + "[program:x]\ncommand=%(ENV_HOME)s %(host_node_name)s %(group_name)s %(numprocs)d\n",
            c -> assertEquals("/home/tester " + ConfigLoader.hostNodeName() + " x 1",
                command(c, "x"))),
        ok("double expansion needs %%%%", SV.replace("]\n", "]\nenvironment=P=\"100%%%%\"\n")
                + "[program:x]\ncommand=ls %(ENV_P)s\nstdout_logfile=/tmp/a%%%%b.log\n",
            c -> {
              assertEquals("ls 100%", command(c, "x"));
              assertEquals(Path.of("/tmp/a%b.log"),
                  ((LogTarget.File) proc(c, "x").stdout().logfile()).path());
            }),
        error("%% in [supervisord] environment", "[supervisord]\nenvironment=P=\"100%%\"\n",
            "Format string 'P=\"100%\"' for 'environment' is badly formatted: "
                + "unsupported format character '\"' (0x22) at index 7"),
        error("%% in a log path", SV + "[program:x]\ncommand=ls\nstdout_logfile=/tmp/a%%b.log\n",
            "Format string '/tmp/a%b.log' for 'stdout_logfile' is badly formatted: unsupported "
                + "format character 'b' (0x62) at index 7 in section 'program:x' "
                + "(file: 'supervisord.conf')"),
        error("lone % is incomplete", SV + "[program:x]\ncommand=echo 50%\n",
            "Format string 'echo 50%' for 'program:x.command' is badly formatted: incomplete "
                + "format in section 'program:x' (file: 'supervisord.conf')"),
        ok("bare %s prints the name map", SV + "[program:x]\ncommand=date +%s\n",
            c -> assertEquals("date +{'ENV_HOME': '/home/tester', 'ENV_PATH': '/usr/bin:/bin', "
                + "'here': '" + c.here() + "', 'program_name': 'x', 'host_node_name': '"
                + ConfigLoader.hostNodeName() + "', 'group_name': 'x', 'process_num': 0, "
                + "'numprocs': 1}", command(c, "x"))),
        error("bare %d", SV + "[program:x]\ncommand=date +%d\n",
            "Format string 'date +%d' for 'program:x.command' is badly formatted: %d format: a "
                + "real number is required, not dict in section 'program:x' "
                + "(file: 'supervisord.conf')"),
        error("unknown name", SV + "[program:x]\ncommand=ls %(foo)s\n",
            "Format string 'ls %(foo)s' for 'program:x.command' contains names ('foo') which "
                + "cannot be expanded. Available names: ENV_HOME, ENV_PATH, group_name, here, "
                + "host_node_name, numprocs, process_num, program_name in section 'program:x' "
                + "(file: 'supervisord.conf')"),
        error("process_num is not offered before the instance loop",
            SV + "[program:x]\ncommand=ls\nautostart=%(process_num)s\n",
            "Format string '%(process_num)s' for 'program:x.autostart' contains names "
                + "('process_num') which cannot be expanded. Available names: ENV_HOME, ENV_PATH, "
                + "group_name, here, host_node_name, program_name in section 'program:x' "
                + "(file: 'supervisord.conf')"),
        error("group priority sees only here and ENV_",
            SV + "[program:x]\ncommand=ls\npriority=%(program_name)s\n",
            "Format string '%(program_name)s' for 'program:x.priority' contains names "
                + "('program_name') which cannot be expanded. Available names: ENV_HOME, "
                + "ENV_PATH, here"),
        ok("a program's own environment feeds later options", SV + """
            [program:x]
            environment=N=%(process_num)d
            command=echo %(ENV_N)s
            directory=/d%(ENV_N)s
            numprocs=2
            process_name=p%(process_num)d
            """, c -> {
              assertEquals("echo 1", group(c, "x").processes().get(1).command());
              assertEquals("/d1", group(c, "x").processes().get(1).directory());
            }),
        ok("group_name is the [group:x] name", SV
                + "[group:g]\nprograms=x\n[program:x]\ncommand=%(group_name)s/%(program_name)s\n",
            c -> assertEquals("g/x", command(c, "g"))),
        ok("Python conversion specs", SV + "[program:x]\ncommand=%(here)5s|%(process_num)-3d|"
                + "%(process_num)+d|%(process_num)#x|%(process_num).2f|%(process_num)e|"
                + "%(process_num)g|%(program_name).0s|%(program_name)r\n",
            c -> assertEquals(c.here() + "|0  |+0|0x0|0.00|0.000000e+00|0||'x'",
                command(c, "x"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void loadsLikeSupervisor(ConfigCase c, @TempDir Path dir) throws IOException {
    c.run(dir);
  }
}
