package org.funcx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy on loopback for fault injection: every connection is relayed to a target port
 * until the test drops all connections or pauses the relay (a delayed link). Test use only.
 */
final class ChaosProxy implements AutoCloseable {
  private final ServerSocket server;
  private final int targetPort;
  private final List<Socket> sockets = new CopyOnWriteArrayList<>();
  private volatile boolean paused;
  private volatile boolean open = true;

  ChaosProxy(int targetPort) throws IOException {
    this.targetPort = targetPort;
    this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor = new Thread(this::accept, "chaos-proxy-accept");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  int port() {
    return server.getLocalPort();
  }

  /** Cuts every open connection, as a network failure would; new ones are relayed again. */
  void dropAll() {
    for (Socket s : sockets) {
      try {
        s.close();
      } catch (IOException ignored) {
        // already closed
      }
    }
    sockets.clear();
  }

  /** While paused, bytes wait in the proxy: the link is up but delayed. */
  void pause(boolean value) {
    paused = value;
  }

  private void accept() {
    while (open) {
      try {
        Socket client = server.accept();
        Socket target = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        sockets.add(client);
        sockets.add(target);
        relay(client, target, "up");
        relay(target, client, "down");
      } catch (IOException e) {
        if (!open) return;
      }
    }
  }

  private void relay(Socket from, Socket to, String direction) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[64 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                  while (paused && open) Thread.sleep(10);
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException | InterruptedException e) {
                // the connection ended or was dropped on purpose
              } finally {
                try {
                  to.close();
                  from.close();
                } catch (IOException ignored) {
                  // closing twice is fine
                }
              }
            },
            "chaos-proxy-" + direction);
    t.setDaemon(true);
    t.start();
  }

  @Override
  public void close() throws IOException {
    open = false;
    server.close();
    dropAll();
  }
}
