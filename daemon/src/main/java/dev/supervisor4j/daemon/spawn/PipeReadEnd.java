package dev.supervisor4j.daemon.spawn;

/** Our read end of a real child's pipe, which a poll loop can take over. */
public interface PipeReadEnd {
  /**
   * The descriptor, which the caller now owns and closes; the stream is no longer usable.
   *
   * @throws IllegalStateException when it was closed or taken before
   */
  int takeDescriptor();
}
