/**
 * supervisorctl's settings: {@code OptionsParser} merges argv, the {@code [supervisorctl]} section
 * of the config ({@code CtlConfigFile}, read with protocol's {@code ConfigParserLines} and
 * {@code PercentFormat.expand}, Python's configparser and {@code %(name)s}) and the defaults into
 * {@code CtlOptions}; the command line is read with protocol's {@code Getopt}.
 * Problems are {@code UsageException}s (exit 2) with Supervisor's messages.
 */
package dev.supervisor4j.ctl.options;
