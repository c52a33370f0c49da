package org.funcx.jvm;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * A TCP port free right now, for a process about to bind it (the service's port 0, bench and test
 * clusters). Another process may take it first; callers that start servers on it retry or fail
 * with the port named.
 */
public final class FreePorts {
  private FreePorts() {}

  /** A free port on every address. */
  public static int pick() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  /** A free port on {@code host}'s address. */
  public static int pick(String host) throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
      return socket.getLocalPort();
    }
  }
}
