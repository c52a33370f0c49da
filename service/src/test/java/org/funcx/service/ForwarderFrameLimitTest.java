package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.funcx.core.wire.WireLimits;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stranger with a plain TCP socket, no key: after the ZMTP greeting it declares one frame of
 * 1 GiB in the middle of the CURVE handshake. JeroMQ allocates a frame as soon as its header is
 * read, so without a frame limit each such connection pins 1 GiB of the service's heap (two of
 * them exhaust the 2 GiB test heap). With the limit the forwarder closes the connection at once,
 * and a task accepted before the attack and one after it both go round. (Without it, the test
 * JVM's JeroMQ I/O threads died of the allocations and every socket went silent.)
 */
// A separate thread: without the limit, the dead IO thread leaves ZContext.close() hanging.
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ForwarderFrameLimitTest {
  static final long ATTACK_FRAME_BYTES = 1L << 30;
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String admin;

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    admin = ServiceTokens.admin(service, dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void a_huge_frame_before_the_handshake_is_refused_and_tasks_still_go_round() throws Exception {
    assertThat(ATTACK_FRAME_BYTES).isGreaterThan(WireLimits.MAX_FRAME_BYTES);
    String function = api.registerIdentity(admin);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String before = submit(function, endpoint.endpointId);
      long heapBefore = usedHeapAfterGc();

      List<Socket> attackers = new ArrayList<>();
      try {
        for (int i = 0; i < 2; i++) attackers.add(declareHugeFrame(service.forwarderPort()));
        for (Socket s : attackers) {
          assertThat(closedByPeer(s))
              .as(
                  "the forwarder closes a connection declaring a frame of "
                      + ATTACK_FRAME_BYTES
                      + " bytes")
              .isTrue();
        }
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(256L << 20);
      } finally {
        for (Socket s : attackers) s.close();
      }

      String after = submit(function, endpoint.endpointId);
      assertThat(endpoint.answer(2, "7", 20_000)).containsExactlyInAnyOrder(before, after);
      for (String task : List.of(before, after)) {
        await()
            .atMost(Duration.ofSeconds(10))
            .until(
                () ->
                    "success"
                        .equals(
                            api.call(admin, "GET", "/v2/tasks/" + task, null)
                                .body()
                                .get("status")
                                .getAsString()));
        assertThat(
                api.call(admin, "GET", "/v2/tasks/" + task, null).body().get("result").getAsInt())
            .isEqualTo(7);
      }
    }
  }

  /**
   * Frames the forwarder accepts are small (messages travel in chunks), so a stranger holding many
   * connections, each declaring the largest frame allowed and sending nothing more, costs little:
   * with 528 MiB frames, four such connections exhausted the service's 2 GiB heap.
   */
  @Test
  void many_strangers_declaring_the_largest_allowed_frame_cost_little() throws Exception {
    String function = api.registerIdentity(admin);
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      long heapBefore = usedHeapAfterGc();
      List<Socket> strangers = new ArrayList<>();
      try {
        for (int i = 0; i < 300; i++) {
          strangers.add(declareFrame(service.forwarderPort(), WireLimits.MAX_FRAME_BYTES));
        }
        // a task round trip after them: the forwarder's I/O thread has read their headers
        // (and allocated each declared frame) by the time the endpoint's answer comes back
        String task = submit(function, endpoint.endpointId);
        assertThat(endpoint.answer(1, "7", 20_000)).containsExactly(task);
        assertThat(usedHeapAfterGc() - heapBefore).isLessThan(128L << 20);
      } finally {
        for (Socket s : strangers) s.close();
      }
    }
  }

  private String submit(String function, String endpoint) throws Exception {
    var answer =
        api.call(
            admin,
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint
                + "\",\"args\":[1]}]}");
    assertThat(answer.status()).isEqualTo(202);
    return answer.body().getAsJsonArray("task_ids").get(0).getAsString();
  }

  /**
   * A ZMTP 3.0 greeting asking for CURVE as a client, then the header of a long frame (flags
   * 0x06: long, command, as a HELLO would be) whose 8-byte size is 1 GiB. No body follows.
   */
  static Socket declareHugeFrame(int port) throws Exception {
    return declareFrame(port, ATTACK_FRAME_BYTES);
  }

  /** As {@link #declareHugeFrame} with a frame of {@code bytes}. */
  static Socket declareFrame(int port, long bytes) throws Exception {
    Socket s = new Socket("127.0.0.1", port);
    s.setSoTimeout(5_000);
    DataOutputStream out = new DataOutputStream(s.getOutputStream());
    out.write(0xFF);
    out.write(new byte[8]);
    out.write(0x7F);
    out.write(new byte[] {3, 0});
    byte[] mechanism = new byte[20];
    byte[] curve = "CURVE".getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(curve, 0, mechanism, 0, curve.length);
    out.write(mechanism);
    out.write(0); // as-server: no
    out.write(new byte[31]);
    out.write(0x06);
    out.writeLong(bytes);
    out.flush();
    return s;
  }

  /** True when the peer closes the connection (after its greeting) within the socket timeout. */
  static boolean closedByPeer(Socket s) throws Exception {
    InputStream in = s.getInputStream();
    byte[] buffer = new byte[256];
    try {
      while (true) {
        if (in.read(buffer) < 0) return true;
      }
    } catch (SocketTimeoutException e) {
      return false;
    } catch (java.net.SocketException e) {
      return true; // reset by the peer
    }
  }

  static long usedHeapAfterGc() {
    System.gc();
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
