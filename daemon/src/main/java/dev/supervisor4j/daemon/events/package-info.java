/**
 * Supervisor's event system (spec §5): the {@link dev.supervisor4j.daemon.events.EventHub} fans
 * {@link dev.supervisor4j.daemon.events.SupervisorEvent}s out to the event-listener pools and to any
 * other subscriber; {@link dev.supervisor4j.daemon.events.EventType} holds Supervisor's names and
 * hierarchy; {@link dev.supervisor4j.daemon.events.EventPayloads} renders headers and payloads.
 *
 * <p>Who publishes what: process actors their state changes ({@code process.ProcessEvent}, a plain
 * fact that the hub wraps as a {@link dev.supervisor4j.daemon.events.ProcessStateEvent}); the
 * output chain of each child ({@code runtime.ProcessLogs}) {@code PROCESS_LOG_*} and
 * {@code PROCESS_COMMUNICATION_*}, and a listener's stdout as {@code EventHub.ListenerOutput}; the
 * root {@code SUPERVISOR_STATE_CHANGE_*}, {@code PROCESS_GROUP_*} and, through
 * {@code RootMsg.ToHub}, sendRemoteCommEvent's {@code REMOTE_COMMUNICATION}; the hub's own
 * {@code Ticker} {@code TICK_*}.
 *
 * <p>Subscribing from elsewhere (web console, ledger): tell the root
 * {@code new RootMsg.ToHub(new EventHub.SubscribeTo(types, ref))} with the types wanted
 * ({@code EVENT} for all; a type takes its subtypes), and {@code EventHub.Unsubscribe} (or stop the
 * subscriber) to leave. {@code RootMsg.Subscribe} still gives process state changes only, as bare
 * {@code ProcessEvent}s.
 *
 * <p>The root's hooks: {@code EventHub.GroupAdded} when a group is spawned (ADDED, and the pool of a
 * listener group), {@code EventHub.GroupUpdated} when a group is rebuilt in place by a per-process
 * update (the pool keeps its buffer; no event), {@code EventHub.GroupGone} when a group's actors are
 * stopped, a {@code GroupEvent} REMOVED on removeProcessGroup, {@code SupervisorStateEvent} RUNNING
 * and STOPPING.
 *
 * <p>Inside: {@code ListenerPool} (one actor per {@code [eventlistener:x]}, a child of the hub)
 * keeps the buffer and dispatches; {@code ListenerProtocol} reads one listener child's stdout;
 * {@code Ticker} times the ticks. design.md §3 drew the pools under the root; here the
 * hub owns them, so listener output and events reach a pool by one hop and the root only says when
 * a group comes or goes.
 */
package dev.supervisor4j.daemon.events;
