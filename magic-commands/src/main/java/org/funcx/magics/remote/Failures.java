package org.funcx.magics.remote;

import org.funcx.client.FuncXException;
import org.funcx.kernel.spi.MagicException;
import org.funcx.magics.RemoteCompileError;
import org.funcx.magics.RemoteDependencyError;
import org.funcx.magics.ServiceRefusedError;
import org.funcx.magics.ServiceUnreachableError;

/** Turns the SDK's exceptions into notebook errors that say what happened and what to do. */
public final class Failures {
  private Failures() {}

  public static MagicException of(FuncXException e, String serviceUrl) {
    if (e.status() == 0 && "unreachable".equals(e.code())) {
      return new ServiceUnreachableError(
          "cannot reach the funcX service at " + serviceUrl + " (" + rootCause(e) + ")", e);
    }
    if (e.status() == 0 && "interrupted".equals(e.code())) {
      return new ServiceRefusedError("interrupted while talking to " + serviceUrl, e);
    }
    if ("compile_error".equals(e.code())) {
      String message = e.getMessage();
      int newline = message.indexOf('\n');
      return new RemoteCompileError(
          "the service could not compile the function: "
              + (newline < 0 ? message : message.substring(0, newline)),
          newline < 0 ? "" : message.substring(newline + 1));
    }
    if ("dependency_error".equals(e.code())) {
      return new RemoteDependencyError(
          "the service could not resolve the function's libraries"
              + " (its //DEPS and the notebook's %maven coordinates): "
              + e.getMessage(),
          e);
    }
    return new ServiceRefusedError(
        "the funcX service refused the request (HTTP "
            + e.status()
            + ", "
            + e.code()
            + "): "
            + e.getMessage(),
        e);
  }

  private static String rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) t = t.getCause();
    String message = t.getMessage();
    String type = t.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }
}
