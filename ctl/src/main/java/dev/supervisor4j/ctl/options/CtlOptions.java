package dev.supervisor4j.ctl.options;

import java.util.List;

/**
 * supervisorctl's settings after the command line, the {@code [supervisorctl]} section and the
 * defaults have been merged (command line first). Mutable on purpose, as in Supervisor: the
 * {@code open} command replaces the server URL, and after a 401 the interactive shell replaces
 * the credentials with what the user types.
 */
public final class CtlOptions {
  /** The default serverurl when neither {@code -s} nor the config gives one. */
  public static final String DEFAULT_SERVERURL = "http://localhost:9001";

  private final String progname;
  private final boolean helpRequested;
  private final List<String> args;
  private final boolean interactive;
  private final String prompt;
  private final String historyFile;
  private String serverurl;
  private String username;
  private String password;

  CtlOptions(String progname, boolean helpRequested, List<String> args, boolean interactive, String prompt,
      String historyFile, String serverurl, String username, String password) {
    this.progname = progname;
    this.helpRequested = helpRequested;
    this.args = List.copyOf(args);
    this.interactive = interactive;
    this.prompt = prompt;
    this.historyFile = historyFile;
    this.serverurl = serverurl;
    this.username = username;
    this.password = password;
  }

  /** Settings for tests and the CDS training run: no config file, these values. */
  public static CtlOptions of(String serverurl, String username, String password, boolean interactive) {
    return new CtlOptions("supervisorctl", false, List.of(), interactive, "supervisor", null, serverurl, username,
        password);
  }

  static CtlOptions help(String progname) {
    return new CtlOptions(progname, true, List.of(), false, "supervisor", null, DEFAULT_SERVERURL, null, null);
  }

  /** {@code sys.argv[0]}: shown in usage messages and help. */
  public String progname() {
    return progname;
  }

  /** {@code -h}/{@code -?}/{@code --help} was given: print the usage text and exit 0. */
  public boolean helpRequested() {
    return helpRequested;
  }

  /** The action and its arguments; empty means the interactive shell. */
  public List<String> args() {
    return args;
  }

  /** {@code -i}, or no action given. Shutdown and reload then ask first, and a 401 prompts for credentials. */
  public boolean interactive() {
    return interactive;
  }

  public String prompt() {
    return prompt;
  }

  /** The readline history file, or null for none. */
  public String historyFile() {
    return historyFile;
  }

  public String serverurl() {
    return serverurl;
  }

  /** null when not given (no Authorization header unless both username and password are non-null). */
  public String username() {
    return username;
  }

  public String password() {
    return password;
  }

  public void setServerurl(String serverurl) {
    this.serverurl = serverurl;
  }

  public void setCredentials(String username, String password) {
    this.username = username;
    this.password = password;
  }
}
