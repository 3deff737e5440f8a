/**
 * supervisorctl's settings: {@code OptionsParser} merges argv, the {@code [supervisorctl]} section
 * of the config ({@code CtlConfigFile}, read by the small {@code IniReader} with configparser's
 * rules and {@code PercentExpander}'s {@code %(name)s}) and the defaults into {@code CtlOptions}.
 * Problems are {@code UsageException}s (exit 2) with Supervisor's messages.
 */
package dev.supervisor4j.ctl.options;
