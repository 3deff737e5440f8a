package dev.supervisor4j.daemon.config;

/**
 * {@code [supervisorctl]} as supervisorctl would read it from this file. supervisord itself never
 * reads the section, so nothing here may fail a load: a value that supervisorctl would reject, or
 * that does not expand, is passed on as written and left for supervisorctl to report.
 */
final class CtlSection {
  private CtlSection() {}

  static final String NAME = "supervisorctl";

  /** The section, or null when the file has none. */
  static CtlSettings read(LoadContext ctx) {
    if (!ctx.ini.hasSection(NAME)) {
      return null;
    }
    String serverUrl = expanded(ctx, "serverurl", "http://localhost:9001", true);
    if (serverUrl.startsWith("unix://")) {
      serverUrl = "unix://" + ctx.paths.normalize(serverUrl.substring("unix://".length()));
    }
    String history = expanded(ctx, "history_file", null, true);
    return new CtlSettings(
        serverUrl,
        expanded(ctx, "username", null, false),
        expanded(ctx, "password", null, false),
        expanded(ctx, "prompt", "supervisor", false),
        history == null || history.isEmpty() ? null : ctx.paths.normalize(history));
  }

  private static String expanded(LoadContext ctx, String option, String dflt, boolean here) {
    try {
      return here ? ctx.getWithHere(NAME, option, dflt) : ctx.getEnvOnly(NAME, option, dflt);
    } catch (ConfigException e) {
      return ctx.getRaw(NAME, option, dflt);
    }
  }
}
