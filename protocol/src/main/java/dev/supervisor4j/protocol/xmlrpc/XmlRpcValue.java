package dev.supervisor4j.protocol.xmlrpc;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One XML-RPC value, as it travels on the wire. Numeric codes, Python semantics and Supervisor's
 * struct layouts live elsewhere; this is only the data model the codec reads and writes.
 *
 * <p>Integers are always a {@code long}: {@code <int>}, {@code <i4>} and {@code <i8>} all read as
 * {@link Int}, and the writer picks {@code <int>} or {@code <i8>} from the magnitude. Structs keep
 * insertion order, because Python's marshaller writes dict members in insertion order and clients
 * (and our byte-for-byte tests) see that order.
 */
public sealed interface XmlRpcValue {

  /** An integer ({@code <int>}, {@code <i4>}, {@code <i8>}). */
  record Int(long value) implements XmlRpcValue {}

  /** A boolean ({@code <boolean>1</boolean>} / {@code 0}). */
  record Bool(boolean value) implements XmlRpcValue {
    public static final Bool TRUE = new Bool(true);
    public static final Bool FALSE = new Bool(false);
  }

  /** A string. Never null; {@code <value/>} is the empty string. */
  record Str(String value) implements XmlRpcValue {
    public Str {
      Objects.requireNonNull(value, "value");
    }
  }

  /**
   * A {@code <double>} (named {@code Real} so as not to shadow {@link java.lang.Double}). Supervisor
   * never sends one; clients may send one where an int is wanted ({@code readLog(0.0, 5)} works).
   */
  record Real(double value) implements XmlRpcValue {}

  /**
   * Raw bytes ({@code <base64>}). Only ever produced when decoding a <em>response</em>: Supervisor's
   * request decoder turns base64 into a UTF-8 string, and so does ours.
   */
  record Base64(byte[] bytes) implements XmlRpcValue {
    public Base64 {
      bytes = bytes.clone();
    }

    @Override
    public byte[] bytes() {
      return bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Base64 other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
      return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
      return "Base64[" + bytes.length + " bytes]";
    }
  }

  /** A {@code <dateTime.iso8601>}, without a zone, as XML-RPC defines it. */
  record DateTime(LocalDateTime value) implements XmlRpcValue {
    public DateTime {
      Objects.requireNonNull(value, "value");
    }
  }

  /** An {@code <array>}; the list is immutable. */
  record Array(List<XmlRpcValue> values) implements XmlRpcValue {
    public Array {
      values = List.copyOf(values);
    }

    public XmlRpcValue get(int index) {
      return values.get(index);
    }

    public int size() {
      return values.size();
    }
  }

  /**
   * A {@code <struct>}: string keys in insertion order, immutable. A key repeated on the wire keeps
   * its first position and its last value, as a Python dict built from the members would.
   */
  record Struct(Map<String, XmlRpcValue> members) implements XmlRpcValue {
    public Struct {
      members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
    }

    /** The member, or null when absent. */
    public XmlRpcValue get(String key) {
      return members.get(key);
    }
  }

  /** {@code <nil/>}: accepted on input; Supervisor never sends it. */
  enum Nil implements XmlRpcValue {
    INSTANCE
  }

  // ---- Short factories, so that result encoding reads like the struct it builds. ----

  static Int of(long value) {
    return new Int(value);
  }

  static Bool of(boolean value) {
    return value ? Bool.TRUE : Bool.FALSE;
  }

  static Str of(String value) {
    return new Str(value);
  }

  static Array array(List<? extends XmlRpcValue> values) {
    return new Array(new ArrayList<>(values));
  }

  static Array array(XmlRpcValue... values) {
    return new Array(Arrays.asList(values));
  }

  /** Builds a struct in the order members are added. */
  static StructBuilder struct() {
    return new StructBuilder();
  }

  /** Collects struct members in insertion order. */
  final class StructBuilder {
    private final LinkedHashMap<String, XmlRpcValue> members = new LinkedHashMap<>();

    private StructBuilder() {}

    public StructBuilder put(String key, XmlRpcValue value) {
      members.put(Objects.requireNonNull(key), Objects.requireNonNull(value));
      return this;
    }

    public StructBuilder put(String key, String value) {
      return put(key, new Str(value));
    }

    public StructBuilder put(String key, long value) {
      return put(key, new Int(value));
    }

    public StructBuilder put(String key, boolean value) {
      return put(key, XmlRpcValue.of(value));
    }

    public Struct build() {
      return new Struct(members);
    }
  }
}
