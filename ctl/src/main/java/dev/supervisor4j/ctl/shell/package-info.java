/**
 * The interactive shell ({@code Shell}) and its input: {@code StreamIO} on plain streams,
 * {@code JLineIO} (history, Tab via {@code Completion}) on a terminal, chosen by
 * {@code Terminals}; {@code Interrupts} turns Ctrl-C into an event where Supervisor catches
 * KeyboardInterrupt.
 */
package dev.supervisor4j.ctl.shell;
