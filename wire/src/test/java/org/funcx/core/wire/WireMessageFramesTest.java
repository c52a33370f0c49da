package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZFrame;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Messages cross real TCP sockets in frames no larger than a chunk, whatever the size of their
 * body and blobs; a receiver with the product's frame bound gets them whole.
 */
class WireMessageFramesTest {
  private static final int CHUNK = WireLimits.FRAME_CHUNK_BYTES;
  private static final ZContext CONTEXT = new ZContext();

  @AfterAll
  static void close() {
    CONTEXT.close();
  }

  @Test
  void bodies_and_blobs_of_every_size_around_the_chunk_arrive_whole() {
    ZMQ.Socket receiver = CONTEXT.createSocket(SocketType.PULL);
    receiver.setMaxMsgSize(WireLimits.MAX_FRAME_BYTES);
    receiver.setReceiveTimeOut(20_000);
    int port = receiver.bindToRandomPort("tcp://127.0.0.1");
    ZMQ.Socket sender = CONTEXT.createSocket(SocketType.PUSH);
    sender.connect("tcp://127.0.0.1:" + port);

    Random random = new Random(7);
    for (int size : new int[] {0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, (5 << 20) + 3}) {
      byte[] blob = new byte[size];
      random.nextBytes(blob);
      String text = "x".repeat(size);
      WireMessage sent =
          new WireMessage(
              MessageType.REJECTED, new Messages.Rejected(text), List.of(blob, new byte[0], blob));
      while (!sent.sendTo(sender)) Thread.onSpinWait();

      ZMsg frames = ZMsg.recvMsg(receiver);
      assertThat(frames).as("a message of %d bytes", size).isNotNull();
      for (ZFrame frame : frames) assertThat(frame.size()).isLessThanOrEqualTo(CHUNK);
      WireMessage got = WireMessage.decode(frames);
      assertThat(got.body(Messages.Rejected.class).reason()).isEqualTo(text);
      assertThat(got.blobs()).hasSize(3);
      assertThat(got.blobs().get(0)).isEqualTo(blob);
      assertThat(got.blobs().get(1)).isEmpty();
      assertThat(got.blobs().get(2)).isEqualTo(blob);
    }
  }

  @Test
  void a_part_cut_short_or_a_frame_over_a_chunk_is_malformed() {
    ZMsg cutShort = new ZMsg();
    cutShort.add(new byte[] {(byte) MessageType.REJECTED.ordinal()});
    cutShort.add(new byte[CHUNK]); // a full chunk promises more frames of the part
    assertThatThrownBy(() -> WireMessage.decode(cutShort))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("without its last frame");

    ZMsg oversized = new ZMsg();
    oversized.add(new byte[] {(byte) MessageType.REJECTED.ordinal()});
    oversized.add(("{\"reason\":\"" + "y".repeat(CHUNK) + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThatThrownBy(() -> WireMessage.decode(oversized))
        .isInstanceOf(WireFormatException.class)
        .hasMessageContaining("at most " + CHUNK);
  }
}
