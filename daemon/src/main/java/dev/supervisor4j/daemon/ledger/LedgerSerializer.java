package dev.supervisor4j.daemon.ledger;

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
import org.apache.pekko.actor.ExtendedActorSystem;
import org.apache.pekko.serialization.SerializerWithStringManifest;

/**
 * The journal's format for {@link LedgerEvent}s and {@link LedgerState} snapshots: a version byte,
 * then the fields in order ({@code DataOutput}: UTF strings, longs, ints, a flag before a nullable
 * value), named by a short manifest per type. Hand-written rather than Jackson: it needs no jar
 * reads at start-up (Pekko's Jackson serializer reads jar manifests when the actor system starts,
 * which fails once {@code user=} has dropped privileges), costs no reflection per event, and adds
 * no dependencies. The cost: a new field needs a new version here.
 */
public final class LedgerSerializer extends SerializerWithStringManifest {
  static final int ID = 730_501;
  private static final int VERSION = 1;

  private static final String STATE = "state";
  private static final String STATES = "states";
  private static final String ACTION = "action";
  private static final String RELOAD = "reload";
  private static final String STARTED = "started";
  private static final String STOPPING = "stopping";
  private static final String TRIMMED = "trimmed";
  private static final String SNAPSHOT = "snapshot";

  /** The Pekko settings that bind {@link LedgerSerializable} to this serializer. */
  public static com.typesafe.config.Config config() {
    return com.typesafe.config.ConfigFactory.parseString(String.join("\n",
        "pekko.actor.serializers.supervisor4j-ledger = \"" + LedgerSerializer.class.getName() + "\"",
        "pekko.actor.serialization-bindings {",
        "  \"" + LedgerSerializable.class.getName() + "\" = supervisor4j-ledger",
        "}"));
  }

  /** Pekko instantiates serializers with the system; this one needs nothing from it. */
  public LedgerSerializer(ExtendedActorSystem system) {}

  public LedgerSerializer() {}

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
    }
    return TRIMMED;
  }

  @Override
  public byte[] toBinary(Object o) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(128);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      if (o instanceof LedgerState s) {
        writeState(out, s);
      } else {
        writeEvent(out, (LedgerEvent) o);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a ByteArrayOutputStream does not fail
    }
    return bytes.toByteArray();
  }

  @Override
  public Object fromBinary(byte[] bytes, String manifest) throws NotSerializableException {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      int version = in.readUnsignedByte();
      if (version != VERSION) {
        throw new NotSerializableException("ledger format version " + version + " (this daemon reads " + VERSION + ")");
      }
      return manifest.equals(SNAPSHOT) ? readState(in) : readEvent(in, manifest);
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
      out.writeUTF(c.group());
      out.writeUTF(c.name());
      out.writeUTF(c.from().name());
      out.writeUTF(c.to().name());
      out.writeLong(c.pid());
      writeInteger(out, c.exitStatus());
      out.writeBoolean(c.expected());
      out.writeUTF(c.spawnError());
    } else if (e instanceof LedgerEvent.OperatorActed a) {
      out.writeUTF(a.user());
      out.writeUTF(a.via());
      out.writeUTF(a.action());
      out.writeUTF(a.target());
      writeStrings(out, a.processes());
      out.writeUTF(a.intent().name());
      out.writeBoolean(a.ok());
      out.writeUTF(a.result());
    } else if (e instanceof LedgerEvent.ConfigReloaded r) {
      writeStrings(out, r.added());
      writeStrings(out, r.changed());
      writeStrings(out, r.removed());
    } else if (e instanceof LedgerEvent.DaemonStarted s) {
      out.writeLong(s.pid());
      out.writeUTF(s.version());
    } else if (e instanceof LedgerEvent.DaemonStopping s) {
      out.writeUTF(s.reason());
    } else {
      out.writeLong(((LedgerEvent.HistoryTrimmed) e).cutoffMillis());
    }
  }

  private static LedgerEvent readEvent(DataInputStream in, String manifest) throws IOException {
    long at = in.readLong();
    switch (manifest) {
      case STATE:
        return new LedgerEvent.ProcessStateChanged(in.readUTF(), in.readUTF(), ProcessState.valueOf(in.readUTF()),
            ProcessState.valueOf(in.readUTF()), at, in.readLong(), readInteger(in), in.readBoolean(), in.readUTF());
      case STATES:
        int n = in.readInt();
        List<LedgerEvent.ProcessStateChanged> changes = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          changes.add((LedgerEvent.ProcessStateChanged) readEvent(in, STATE));
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
      default:
        throw new IOException("unknown manifest " + manifest);
    }
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

  private static LedgerState readState(DataInputStream in) throws IOException {
    long starts = in.readLong();
    long unexpected = in.readLong();
    Integer lastExit = readInteger(in);
    long lastExitMillis = in.readLong();
    Set<String> stopped = new HashSet<>(readStrings(in));
    int n = in.readInt();
    List<LedgerEvent> recent = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      recent.add(readEvent(in, in.readUTF()));
    }
    return new LedgerState(recent, starts, unexpected, lastExit, lastExitMillis, stopped);
  }

  // ---- helpers --------------------------------------------------------------------------------

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
      out.writeUTF(v);
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
