package org.funcx.magics;

import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.kernel.spi.MagicException;

/**
 * The magics' connection for Java code in cells, for people who prefer the SDK to magics:
 * {@code FuncX.client().endpoints()}, {@code FuncX.executor().submit(FuncX.function("sq"), 3)}.
 * Shares the service, endpoint and registered functions with {@code %funcx}.
 */
public final class FuncX {
  private static volatile FuncxSession session;

  private FuncX() {}

  static void install(FuncxSession current) {
    session = current;
  }

  /** The SDK client of the service {@code %funcx connect} chose (or the default one). */
  public static FuncXClient client() {
    return session().call(c -> c);
  }

  /** The endpoint in use ({@code %funcx use}); fails when none is chosen. */
  public static String endpointId() {
    return session()
        .endpointInUse()
        .orElseThrow(() -> new MagicException("no endpoint chosen: %funcx use ENDPOINT"))
        .id();
  }

  /** A new executor on the endpoint in use; close it when done. */
  public static FuncXExecutor executor() {
    return client().executor(endpointId());
  }

  /** A function registered from this notebook, by the name it was registered under. */
  public static RegisteredFunction function(String name) {
    return session()
        .function(name)
        .orElseThrow(
            () -> new MagicException("no function registered as " + name + " from this notebook"));
  }

  private static FuncxSession session() {
    FuncxSession s = session;
    if (s == null) throw new IllegalStateException("FuncX works only inside the funcX kernel");
    return s;
  }
}
