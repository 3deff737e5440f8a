package dev.supervisor4j.daemon.config;

/** Which section made a process group. */
public enum GroupKind {
  /** A {@code [program:x]}: a homogeneous group named after the program. */
  PROGRAM,
  /** A {@code [group:x]}: a heterogeneous group of listed programs. */
  GROUP,
  /** An {@code [eventlistener:x]} pool. */
  EVENT_LISTENER,
  /** An {@code [fcgi-program:x]}. */
  FCGI_PROGRAM
}
