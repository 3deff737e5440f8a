package dev.supervisor4j.daemon.config;

import dev.supervisor4j.protocol.Signal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One process instance, fully expanded and validated (Supervisor's ProcessConfig): a
 * {@code [program:x]} with {@code numprocs=3} yields three of these. Frozen: two equal records mean
 * "unchanged" to {@code update}.
 *
 * @param name             the process name ({@code process_name} expanded)
 * @param programName      the text after {@code program:} (or {@code eventlistener:}, {@code fcgi-program:})
 * @param sectionName      the whole section name, e.g. {@code program:web}
 * @param sourceFile       the file that defined the section, as used in error messages
 * @param processNum       this instance's {@code process_num}
 * @param command          the raw command string after expansion (split at spawn, as Supervisor does)
 * @param priority         {@code priority}
 * @param autostart        {@code autostart}
 * @param startSecs        {@code startsecs}
 * @param startRetries     {@code startretries}
 * @param autoRestart      {@code autorestart}
 * @param exitCodes        {@code exitcodes}, the "expected" exit statuses
 * @param stopSignal       {@code stopsignal}
 * @param stopWaitSecs     {@code stopwaitsecs}
 * @param stopAsGroup      {@code stopasgroup}
 * @param killAsGroup      {@code killasgroup} (defaults to stopasgroup)
 * @param user             {@code user}, resolved at load; null when unset
 * @param redirectStderr   {@code redirect_stderr}
 * @param stdout           the {@code stdout_*} options
 * @param stderr           the {@code stderr_*} options
 * @param environment      {@code environment}, in the order written (the program's own, not merged)
 * @param directory        {@code directory}; null when unset (not checked at load, as Supervisor)
 * @param umask            {@code umask}; null when unset (inherit)
 * @param serverUrl        {@code serverurl}; null for AUTO
 */
public record ProgramConfig(
    String name,
    String programName,
    String sectionName,
    String sourceFile,
    int processNum,
    String command,
    int priority,
    boolean autostart,
    int startSecs,
    int startRetries,
    AutoRestart autoRestart,
    Set<Integer> exitCodes,
    Signal stopSignal,
    int stopWaitSecs,
    boolean stopAsGroup,
    boolean killAsGroup,
    UserSpec user,
    boolean redirectStderr,
    ChannelConfig stdout,
    ChannelConfig stderr,
    Map<String, String> environment,
    String directory,
    Integer umask,
    String serverUrl) {

  public ProgramConfig {
    exitCodes = Set.copyOf(exitCodes);
    environment = Collections.unmodifiableMap(new LinkedHashMap<>(environment));
  }

  /** Whether {@code code} counts as an expected exit for {@code autorestart=unexpected}. */
  public boolean isExpected(int code) {
    return exitCodes.contains(code);
  }

  /** Helper for tests and builders: the exit codes as a sorted list. */
  public List<Integer> exitCodeList() {
    return exitCodes.stream().sorted().toList();
  }
}
