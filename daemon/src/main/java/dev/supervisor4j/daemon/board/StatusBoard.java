package dev.supervisor4j.daemon.board;

import dev.supervisor4j.protocol.ProcessInfo;
import dev.supervisor4j.protocol.SupervisorState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentNavigableMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * The last transition of every process and supervisord's own state, readable from any thread
 * without asking an actor: getProcessInfo, getAllProcessInfo, getState, name lookups and the web
 * console's feed read it. Each ProcessActor writes only its own {@link Slot}, before it replies to
 * whoever caused the transition, so a reply is never ahead of the board.
 *
 * <p>A slot is opened when its process actor is made and closed when the process is dropped (group
 * removed, update, restart); a closed slot's late writes reach no one.
 */
public final class StatusBoard {
  /** getAllProcessInfo's order: by group name, then process name, as plain strings. */
  private static final Comparator<Key> ORDER = Comparator.comparing(Key::group).thenComparing(Key::name);

  private record Key(String group, String name) {}

  private final ConcurrentNavigableMap<Key, Slot> rows = new ConcurrentSkipListMap<>(ORDER);
  private final CompletableFuture<Void> started = new CompletableFuture<>();
  private volatile SupervisorState state = SupervisorState.RUNNING;

  /** One process's place on the board. */
  public static final class Slot {
    private final StatusBoard board;
    private final Key key;
    private volatile ProcessStatus current;

    private Slot(StatusBoard board, ProcessStatus initial) {
      this.board = board;
      this.key = new Key(initial.group(), initial.name());
      this.current = initial;
    }

    /** A slot on no board: for a process actor tested on its own. */
    public static Slot detached(ProcessStatus initial) {
      return new Slot(null, initial);
    }

    public ProcessStatus current() {
      return current;
    }

    public void publish(ProcessStatus status) {
      current = status;
    }

    /** Takes the process off the board (once its actor is being dropped). */
    public void close() {
      if (board != null) {
        board.rows.remove(key, this);
      }
    }
  }

  /** Puts a new process on the board (replacing any row of the same name). */
  public Slot open(ProcessStatus initial) {
    Slot slot = new Slot(this, initial);
    rows.put(slot.key, slot);
    return slot;
  }

  /** Takes one process off the board (its actor is being dropped). */
  public void remove(String group, String name) {
    rows.remove(new Key(group, name));
  }

  /** Takes every process of {@code group} off the board. */
  public void closeGroup(String group) {
    rows.subMap(new Key(group, ""), true, new Key(group + "\0", ""), false).clear();
  }

  public Optional<ProcessStatus> status(String group, String name) {
    Slot slot = rows.get(new Key(group, name));
    return slot == null ? Optional.empty() : Optional.of(slot.current());
  }

  /** The processes of one group, by name. */
  public List<ProcessStatus> group(String group) {
    List<ProcessStatus> out = new ArrayList<>();
    rows.subMap(new Key(group, ""), true, new Key(group + "\0", ""), false)
        .values().forEach(s -> out.add(s.current()));
    return out;
  }

  /** getAllProcessInfo: every process, by group then name, as of {@code nowMillis}. */
  public List<ProcessInfo> infos(long nowMillis) {
    List<ProcessInfo> out = new ArrayList<>(rows.size());
    rows.values().forEach(s -> out.add(s.current().toInfo(nowMillis)));
    return out;
  }

  /** supervisord's own state; RUNNING before the first start too (the API waits for {@link #started()}). */
  public SupervisorState state() {
    return state;
  }

  public void setState(SupervisorState next) {
    state = next;
    if (next == SupervisorState.RUNNING) {
      started.complete(null);
    }
  }

  /** Completes when the processes of the first start are on the board. */
  public CompletionStage<Void> started() {
    return started;
  }
}
