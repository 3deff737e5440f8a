/**
 * One supervised process as an actor: each supervisord state is its own behaviour.
 *
 * <ul>
 *   <li>{@link dev.supervisor4j.daemon.process.ProcessActor} — the entry point ({@code create});
 *       {@link dev.supervisor4j.daemon.process.ProcessMsg} — everything it receives, public
 *       {@code Command}s apart from self-sent {@code Internal} messages.</li>
 *   <li>The states, one file each, each an {@code enter(env, data, …)} factory: {@code Stopped},
 *       {@code Starting}, {@code Running}, {@code Backoff}, {@code Stopping}, {@code Exited},
 *       {@code Fatal}, {@code Unknown}; {@code Common} holds the handlers several states share.</li>
 *   <li>{@code ProcessEnv} — what every state shares and never changes (context, timers, config,
 *       collaborators); {@code ProcessData} — what changes and travels from state to state;
 *       {@code TimerKey} — the one key of every state time-out.</li>
 *   <li>Pure decisions and texts: {@code RestartPolicy} (after an exit), {@code Descriptions}
 *       (getProcessInfo's {@code description}); {@code ProcessLog} writes supervisord's main-log
 *       lines.</li>
 *   <li>The seams the daemon fills in: {@link dev.supervisor4j.daemon.process.SpawnPlanner} (config
 *       to spawn request), {@link dev.supervisor4j.daemon.process.ChildOutput} (the child's pipes and
 *       log files), {@link dev.supervisor4j.daemon.process.Generation} (one run of the tree; once it
 *       stops, nothing starts again); {@code StdinWriter} writes to the child off the actor.</li>
 *   <li>{@link dev.supervisor4j.daemon.process.ProcessEvent} — what an actor announces at each
 *       transition: a plain fact; the {@code events} package turns it into PROCESS_STATE_* and the
 *       ledger into a record.</li>
 * </ul>
 *
 * <p>A failing child is a message ({@code SpawnFailed}, {@code ChildExited}), never an exception;
 * BACKOFF and FATAL are supervisord's restart intensity, Pekko supervision only guards against our
 * own bugs.
 */
package dev.supervisor4j.daemon.process;
