package dev.supervisor4j.ctl.command;

import dev.supervisor4j.ctl.compat.PyException;
import dev.supervisor4j.protocol.Fault;
import dev.supervisor4j.protocol.SupervisorFault;
import dev.supervisor4j.protocol.xmlrpc.ClientError;
import dev.supervisor4j.protocol.xmlrpc.RpcFault;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

/** Helpers for using the asynchronous {@code SupervisorApi} one call at a time, as supervisorctl does. */
final class Rpc {
  private Rpc() {}

  /**
   * Waits for the stage and rethrows its failure unwrapped; the client's {@link ClientError} (a bad
   * argument, an unusable answer) as the {@link PyException} it stands for.
   */
  static <T> T await(CompletionStage<T> stage) {
    CompletableFuture<T> f = stage.toCompletableFuture();
    try {
      return f.get();
    } catch (ExecutionException | CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof ClientError c) {
        throw new PyException(c.pythonClass(), c.getMessage());
      }
      if (cause instanceof RuntimeException) {
        throw (RuntimeException) cause;
      }
      if (cause instanceof Error) {
        throw (Error) cause;
      }
      throw new IllegalStateException(cause);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The XML-RPC fault code of {@code e}, or -1 when it is not a fault. */
  static int faultCode(Throwable e) {
    if (e instanceof SupervisorFault) {
      return ((SupervisorFault) e).fault().code();
    }
    if (e instanceof RpcFault) {
      return ((RpcFault) e).code();
    }
    return -1;
  }

  /** The faultString as the server sent it (known codes are rebuilt as {@code NAME: detail}). */
  static String faultString(Throwable e) {
    if (e instanceof SupervisorFault) {
      return e.getMessage();
    }
    if (e instanceof RpcFault) {
      return ((RpcFault) e).faultString();
    }
    return String.valueOf(e.getMessage());
  }

  static boolean is(Throwable e, Fault fault) {
    return faultCode(e) == fault.code();
  }
}
