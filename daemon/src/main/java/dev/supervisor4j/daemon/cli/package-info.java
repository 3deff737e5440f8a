/**
 * supervisord's command line, parsed before anything starts.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.daemon.cli.SupervisordArgs} — the options, short and long, with
 *       Supervisor's error texts; its overrides beat the {@code [supervisord]} section.</li>
 *   <li>{@link dev.supervisor4j.daemon.cli.ConfigLocator} — where to look for the config when
 *       {@code -c} is absent, in Supervisor's order.</li>
 *   <li>{@link dev.supervisor4j.daemon.cli.UsageText} — what {@code -h} prints;
 *       {@link dev.supervisor4j.daemon.cli.UsageException} — {@code Error: …}, then exit 2.</li>
 * </ul>
 *
 * <p>No actors, and nothing here writes or starts anything: {@code Supervisord.main} calls it and
 * acts on the result.
 */
package dev.supervisor4j.daemon.cli;
