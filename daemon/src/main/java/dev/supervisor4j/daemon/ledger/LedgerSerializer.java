package dev.supervisor4j.daemon.ledger;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.supervisor4j.daemon.log.MainLog;
import dev.supervisor4j.protocol.ProcessState;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.NotSerializableException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The journal's format for {@link LedgerEvent}s and {@link LedgerState} snapshots: a version byte,
 * then the fields in order ({@code DataOutput}: UTF strings, longs, ints, a flag before a nullable
 * value), named by a short manifest per type. Hand-written rather than Jackson: it needs no jar
 * reads at start-up (Pekko's Jackson serializer reads jar manifests when the actor system starts,
 * which fails once {@code user=} has dropped privileges), costs no reflection per event, and adds
 * no dependencies. The cost: a new field needs a new version here (version 2 added the child's
 * identity to state changes; version 1 rows are still read).
 *
 * <p>No event may break the journal: texts are capped when events are made ({@link
 * LedgerEvent#capped}) and again here, so {@code writeUTF}'s 65,535-byte limit is never reached;
 * and an event that fails to serialise for any other reason is written as {@link
 * LedgerEvent.Unrecorded} (the changes of a batch that do serialise are kept), counted and logged,
 * instead of failing the write, which would stop its stream and make history unavailable.
 * Modified UTF-8 round-trips any {@code char}, unpaired surrogates included.
 */
public final class LedgerSerializer extends SerializerWithStringManifest {
  static final int ID = 730_501;
  private static final int VERSION = 2;
  private static final int OLDEST_VERSION = 1;
  /** The first byte of a row that stands for an event that could not be serialised. */
  private static final int UNRECORDED = 0x55;

  private static final String STATE = "state";
  private static final String STATES = "states";
  private static final String ACTION = "action";
  private static final String RELOAD = "reload";
  private static final String STARTED = "started";
  private static final String STOPPING = "stopping";
  private static final String TRIMMED = "trimmed";
  private static final String ORPHAN = "orphan";
  private static final String UNRECORDED_EVENT = "unrecorded";
  private static final String SNAPSHOT = "snapshot";

  /** The Pekko settings that bind {@link LedgerSerializable} to this serializer. */
  public static Config config() {
    return ConfigFactory.parseString(String.join("\n",
        "pekko.actor.serializers.supervisor4j-ledger = \"" + LedgerSerializer.class.getName() + "\"",
        "pekko.actor.serialization-bindings {",
        "  \"" + LedgerSerializable.class.getName() + "\" = supervisor4j-ledger",
        "}"));
  }

  /** Events that could not be serialised, since start-up. */
  private final AtomicLong unrecorded = new AtomicLong();

  /** Pekko instantiates serializers with the system; this one needs nothing from it. */
  public LedgerSerializer(ExtendedActorSystem system) {}

  public LedgerSerializer() {}

  /** How many events could not be serialised (and were written as {@link LedgerEvent.Unrecorded}). */
  long unrecorded() {
    return unrecorded.get();
  }

  @Override
  public int identifier() {
    return ID;
  }

  @Override
  public String manifest(Object o) {
    if (o instanceof LedgerState) {
      return SNAPSHOT;
    }
    if (o instanceof LedgerEvent e) {
      return eventManifest(e);
    }
    throw new IllegalArgumentException("not a ledger type: " + o.getClass());
  }

  private static String eventManifest(LedgerEvent e) {
    if (e instanceof LedgerEvent.ProcessStateChanged) {
      return STATE;
    } else if (e instanceof LedgerEvent.StateChanges) {
      return STATES;
    } else if (e instanceof LedgerEvent.OperatorActed) {
      return ACTION;
    } else if (e instanceof LedgerEvent.ConfigReloaded) {
      return RELOAD;
    } else if (e instanceof LedgerEvent.DaemonStarted) {
      return STARTED;
    } else if (e instanceof LedgerEvent.DaemonStopping) {
      return STOPPING;
    } else if (e instanceof LedgerEvent.OrphanStopped) {
      return ORPHAN;
    } else if (e instanceof LedgerEvent.Unrecorded) {
      return UNRECORDED_EVENT;
    }
    return TRIMMED;
  }

  @Override
  public byte[] toBinary(Object o) {
    if (o instanceof LedgerState s) {
      return write(out -> writeState(out, s)); // a failed snapshot is only a missed snapshot
    }
    LedgerEvent event = (LedgerEvent) o;
    try {
      return write(out -> writeEvent(out, event));
    } catch (RuntimeException e) {
      return unrecordable(event, e);
    }
  }

  private interface Writer {
    void write(DataOutputStream out) throws IOException;
  }

  private static byte[] write(Writer writer) {
    return write(writer, VERSION);
  }

  /**
   * An event that did not serialise: a batch keeps the changes that do; anything else becomes an
   * {@link LedgerEvent.Unrecorded} row. Counted and logged either way.
   */
  private byte[] unrecordable(LedgerEvent event, RuntimeException error) {
    long n = unrecorded.incrementAndGet();
    String why = error.getCause() != null ? error.getCause().toString() : error.toString();
    MainLog.warn("history: an event could not be recorded and was dropped (" + why + "); " + n
        + " since start-up");
    if (event instanceof LedgerEvent.StateChanges batch) {
      List<LedgerEvent.ProcessStateChanged> kept = new ArrayList<>();
      for (LedgerEvent.ProcessStateChanged c : batch.changes()) {
        try {
          write(out -> writeEvent(out, c));
          kept.add(c);
        } catch (RuntimeException e) {
          // this one is the lost one
        }
      }
      if (!kept.isEmpty()) {
        return write(out -> writeEvent(out, new LedgerEvent.StateChanges(kept)));
      }
    }
    long at;
    try {
      at = event.epochMillis();
    } catch (RuntimeException e) {
      at = 0;
    }
    long when = at;
    return write(out -> {
      out.writeLong(when);
      writeText(out, why);
    }, UNRECORDED);
  }

  private static byte[] write(Writer writer, int firstByte) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(firstByte);
      writer.write(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail; writeUTF can
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readUnsignedByte();
      if (version == UNRECORDED && !manifest.equals(SNAPSHOT)) {
        return new LedgerEvent.Unrecorded(in.readLong(), in.readUTF());
      }
      if (version < OLDEST_VERSION || version > VERSION) {
        throw new NotSerializableException("ledger format version " + version + " (this daemon reads "
            + OLDEST_VERSION + " to " + VERSION + ")");
      }
      return manifest.equals(SNAPSHOT) ? readState(in, version) : readEvent(in, manifest, version);
    } catch (NotSerializableException e) {
      throw e;
    } catch (IOException | IllegalArgumentException e) {
      NotSerializableException failure = new NotSerializableException("unreadable ledger " + manifest + ": " + e);
      failure.initCause(e);
      throw failure;
    }
  }

  // ---- events ---------------------------------------------------------------------------------

  private static void writeEvent(DataOutputStream out, LedgerEvent e) throws IOException {
    out.writeLong(e.epochMillis());
    if (e instanceof LedgerEvent.StateChanges batch) {
      out.writeInt(batch.changes().size());
      for (LedgerEvent.ProcessStateChanged c : batch.changes()) {
        writeEvent(out, c);
      }
    } else if (e instanceof LedgerEvent.ProcessStateChanged c) {
      writeText(out, c.group());
      writeText(out, c.name());
      out.writeUTF(c.from().name());
      out.writeUTF(c.to().name());
      out.writeLong(c.pid());
      writeInteger(out, c.exitStatus());
      out.writeBoolean(c.expected());
      writeText(out, c.spawnError());
      out.writeBoolean(c.child() != null);
      if (c.child() != null) {
        out.writeLong(c.child().startTicks());
        writeText(out, c.child().bootId());
      }
    } else if (e instanceof LedgerEvent.OperatorActed a) {
      writeText(out, a.user());
      writeText(out, a.via());
      writeText(out, a.action());
      writeText(out, a.target());
      writeStrings(out, a.processes());
      out.writeUTF(a.intent().name());
      out.writeBoolean(a.ok());
      writeText(out, a.result());
    } else if (e instanceof LedgerEvent.ConfigReloaded r) {
      writeStrings(out, r.added());
      writeStrings(out, r.changed());
      writeStrings(out, r.removed());
    } else if (e instanceof LedgerEvent.DaemonStarted s) {
      out.writeLong(s.pid());
      writeText(out, s.version());
    } else if (e instanceof LedgerEvent.DaemonStopping s) {
      writeText(out, s.reason());
    } else if (e instanceof LedgerEvent.OrphanStopped o) {
      writeText(out, o.group());
      writeText(out, o.name());
      out.writeLong(o.pid());
      writeText(out, o.how());
    } else if (e instanceof LedgerEvent.Unrecorded u) {
      writeText(out, u.reason());
    } else {
      out.writeLong(((LedgerEvent.HistoryTrimmed) e).cutoffMillis());
    }
  }

  private static LedgerEvent readEvent(DataInputStream in, String manifest, int version) throws IOException {
    long at = in.readLong();
    switch (manifest) {
      case STATE:
        return readChange(in, at, version);
      case STATES:
        int n = in.readInt();
        List<LedgerEvent.ProcessStateChanged> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          changes.add((LedgerEvent.ProcessStateChanged) readEvent(in, STATE, version));
        }
        return new LedgerEvent.StateChanges(changes);
      case ACTION:
        return new LedgerEvent.OperatorActed(at, in.readUTF(), in.readUTF(), in.readUTF(), in.readUTF(),
            readStrings(in), LedgerEvent.Intent.valueOf(in.readUTF()), in.readBoolean(), in.readUTF());
      case RELOAD:
        return new LedgerEvent.ConfigReloaded(at, readStrings(in), readStrings(in), readStrings(in));
      case STARTED:
        return new LedgerEvent.DaemonStarted(at, in.readLong(), in.readUTF());
      case STOPPING:
        return new LedgerEvent.DaemonStopping(at, in.readUTF());
      case TRIMMED:
        return new LedgerEvent.HistoryTrimmed(at, in.readLong());
      case ORPHAN:
        return new LedgerEvent.OrphanStopped(at, in.readUTF(), in.readUTF(), in.readLong(), in.readUTF());
      case UNRECORDED_EVENT:
        return new LedgerEvent.Unrecorded(at, in.readUTF());
      default:
        throw new IOException("unknown manifest " + manifest);
    }
  }

  private static LedgerEvent.ProcessStateChanged readChange(DataInputStream in, long at, int version)
      throws IOException {
    String group = in.readUTF();
    String name = in.readUTF();
    ProcessState from = ProcessState.valueOf(in.readUTF());
    ProcessState to = ProcessState.valueOf(in.readUTF());
    long pid = in.readLong();
    Integer exitStatus = readInteger(in);
    boolean expected = in.readBoolean();
    String spawnError = in.readUTF();
    ChildIdentity child = version >= 2 && in.readBoolean() ? new ChildIdentity(pid, in.readLong(), in.readUTF()) : null;
    return new LedgerEvent.ProcessStateChanged(group, name, from, to, at, pid, exitStatus, expected, spawnError, child);
  }

  // ---- snapshots ------------------------------------------------------------------------------

  private static void writeState(DataOutputStream out, LedgerState s) throws IOException {
    out.writeLong(s.starts());
    out.writeLong(s.unexpectedExits());
    writeInteger(out, s.lastExitStatus());
    out.writeLong(s.lastExitMillis());
    writeStrings(out, List.copyOf(s.stoppedByOperator()));
    out.writeInt(s.recent().size());
    for (LedgerEvent e : s.recent()) {
      out.writeUTF(eventManifest(e));
      writeEvent(out, e);
    }
  }

  private static LedgerState readState(DataInputStream in, int version) throws IOException {
    long starts = in.readLong();
    long unexpected = in.readLong();
    Integer lastExit = readInteger(in);
    long lastExitMillis = in.readLong();
    Set<String> stopped = new HashSet<>(readStrings(in));
    int n = in.readInt();
    List<LedgerEvent> recent = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      recent.add(readEvent(in, in.readUTF(), version));
    }
    return new LedgerState(recent, starts, unexpected, lastExit, lastExitMillis, stopped);
  }

  // ---- helpers --------------------------------------------------------------------------------

  /** A text, capped again: whatever made the event, writeUTF's limit is never reached. */
  private static void writeText(DataOutputStream out, String text) throws IOException {
    out.writeUTF(LedgerEvent.capped(text));
  }

  private static void writeInteger(DataOutputStream out, Integer value) throws IOException {
    out.writeBoolean(value != null);
    if (value != null) {
      out.writeInt(value);
    }
  }

  private static Integer readInteger(DataInputStream in) throws IOException {
    return in.readBoolean() ? in.readInt() : null;
  }

  private static void writeStrings(DataOutputStream out, List<String> values) throws IOException {
    out.writeInt(values.size());
    for (String v : values) {
      writeText(out, v);
    }
  }

  private static List<String> readStrings(DataInputStream in) throws IOException {
    int n = in.readInt();
    List<String> values = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      values.add(in.readUTF());
    }
    return values;
  }
}
