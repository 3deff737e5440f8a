package dev.supervisor4j.protocol.xmlrpc;

import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorFault;
import java.util.List;
import java.util.OptionalLong;

/**
 * A method's positional arguments, converted the way Supervisor's Python code treats them.
 *
 * <p>Supervisor never checks argument types: it calls {@code int()} on offsets and lengths, tests
 * {@code wait} for truth, and passes names to string methods. A wrong type therefore gives a fault
 * where Python raises TypeError ({@code INCORRECT_PARAMETERS}, no detail) and an HTTP 500 where it
 * raises anything else. We answer every wrong type with {@code INCORRECT_PARAMETERS} (no detail),
 * never a 500, and accept every value Python would have accepted. The arity has already been
 * checked by the dispatcher.
 */
final class Args {
  private final List<XmlRpcValue> values;

  Args(List<XmlRpcValue> values) {
    this.values = values;
  }

  int size() {
    return values.size();
  }

  XmlRpcValue get(int index) {
    return values.get(index);
  }

  /**
   * A process name or other string argument: only a string will do. (Supervisor's process methods
   * fail with HTTP 500 on another type, an AttributeError from {@code .split}; we answer
   * INCORRECT_PARAMETERS.) Base64 arrives here as a string already, as Supervisor decodes it.
   */
  String string(int index) {
    if (values.get(index) instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    throw incorrect();
  }

  /**
   * A group name for the group methods (remove, start, stop, signal, update). Supervisor does not
   * check its type but looks it up in a dict of groups: a value that is not a string matches no
   * group and is {@code BAD_NAME} with the value as Python's {@code str()} prints it
   * ({@code BAD_NAME: 1}), {@code <nil/>} is {@code BAD_NAME} without detail (None means "no
   * detail" to Supervisor's RPCError), and an array or struct is unhashable (TypeError:
   * {@code INCORRECT_PARAMETERS}).
   *
   * <p>One order differs: Supervisor answers SHUTDOWN_STATE before looking at the name, while a
   * non-string name is refused here before the API (and its state check) is called.
   */
  String groupName(int index) {
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Array || v instanceof XmlRpcValue.Struct) {
      throw incorrect();
    }
    return addedGroupName(index);
  }

  /**
   * The name for {@code addProcessGroup}, which compares the value with the name of every group
   * read from the config: as {@link #groupName}, but an array or struct is just another value that
   * equals no name ({@code BAD_NAME: ['x']}).
   */
  String addedGroupName(int index) {
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    throw new SupervisorFault(Fault.BAD_NAME, v instanceof XmlRpcValue.Nil ? null : PyText.str(v));
  }

  /**
   * Python's {@code int(value)}: integers, booleans (1/0), doubles (truncated toward zero) and
   * numeric strings ({@code readLog("0", "10")} works on Supervisor). Anything else is
   * INCORRECT_PARAMETERS.
   */
  long integer(int index) {
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Int i) {
      return i.value();
    }
    if (v instanceof XmlRpcValue.Bool b) {
      return b.value() ? 1 : 0;
    }
    if (v instanceof XmlRpcValue.Real r && Double.isFinite(r.value())
        && Math.abs(r.value()) < 0x1p63) {
      return (long) r.value();
    }
    if (v instanceof XmlRpcValue.Str s) {
      OptionalLong n = PyNumbers.parseInt(s.value());
      if (n.isPresent()) {
        return n.getAsLong();
      }
    }
    throw incorrect();
  }

  /**
   * Python truthiness of an optional argument, {@code dflt} when absent: the string {@code "0"} is
   * true, the int 0 false, {@code <nil/>} false, an empty string or array false.
   */
  boolean truthy(int index, boolean dflt) {
    if (index >= values.size()) {
      return dflt;
    }
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Bool b) {
      return b.value();
    } else if (v instanceof XmlRpcValue.Int i) {
      return i.value() != 0;
    } else if (v instanceof XmlRpcValue.Real r) {
      return r.value() != 0.0; // NaN is true in Python too
    } else if (v instanceof XmlRpcValue.Str s) {
      return !s.value().isEmpty();
    } else if (v instanceof XmlRpcValue.Array a) {
      return a.size() > 0;
    } else if (v instanceof XmlRpcValue.Struct s) {
      return !s.members().isEmpty();
    } else if (v instanceof XmlRpcValue.Base64 b) {
      return b.bytes().length > 0;
    } else {
      return v instanceof XmlRpcValue.DateTime; // a datetime is true, None is false
    }
  }

  /**
   * A signal as Supervisor's {@code signal_number} takes it: a name or number as a string, or an
   * int (Python's {@code int()} of it). Returned as text for {@code SupervisorApi}, which parses it.
   */
  String signal(int index) {
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    if (v instanceof XmlRpcValue.Int || v instanceof XmlRpcValue.Bool || v instanceof XmlRpcValue.Real) {
      return Long.toString(integer(index));
    }
    throw incorrect();
  }

  /**
   * The characters for {@code sendProcessStdin}. This is the one type check Supervisor makes, and its
   * fault carries the value as Python prints it: {@code INCORRECT_PARAMETERS: ['x', 1]}.
   */
  String chars(int index) {
    XmlRpcValue v = values.get(index);
    if (v instanceof XmlRpcValue.Str s) {
      return s.value();
    }
    throw new SupervisorFault(Fault.INCORRECT_PARAMETERS, PyText.str(v));
  }

  /** Any value as Python's {@code str()} renders it ({@code sendRemoteCommEvent} takes anything). */
  String text(int index) {
    return PyText.str(values.get(index));
  }

  static SupervisorFault incorrect() {
    return new SupervisorFault(Fault.INCORRECT_PARAMETERS);
  }
}
