package dev.supervisor4j.ctl;

/** The {@code -h} text: our own words for Supervisor's options, which are the same. */
final class Usage {
  private Usage() {}

  static String text(String progname) {
    return "supervisorctl (supervisor4j) -- control the programs of a running supervisord.\n"
        + "\n"
        + "Usage: " + progname + " [options] [action [arguments]]\n"
        + "\n"
        + "Options:\n"
        + "-c/--configuration FILENAME -- read this config file (default: search the usual places)\n"
        + "-h/--help -- show this text and exit\n"
        + "-i/--interactive -- use the shell (also what happens when no action is given)\n"
        + "-s/--serverurl URL -- the supervisord to talk to, unix:///path or http://host:port\n"
        + "     (default \"http://localhost:9001\").\n"
        + "-u/--username USERNAME -- user name for the server's authentication\n"
        + "-p/--password PASSWORD -- password for the server's authentication\n"
        + "-r/--history_file FILE -- where the shell keeps its command history\n"
        + "\n"
        + "action [arguments] -- one command, e.g. \"status\", \"tail -f web\" or \"stop all\".\n"
        + "Without an action, a shell reads commands until \"quit\" or end of input;\n"
        + "type \"help\" there (or run \"" + progname + " help\") for the list of actions.\n";
  }
}
