package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.core.ConditionTimeoutException;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.WireMessage;
import org.funcx.core.wire.WireProtocol;
import org.funcx.service.forward.CurveKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * The forwarder as a stranger sees it: CurveZMQ with a ZAP handler that admits only registered
 * endpoint keys. Real JeroMQ clients try: the registered key (admitted), an unknown key and a plain
 * socket (never answered), a registered key claiming another endpoint (rejected), and a key whose
 * endpoint is deleted (told to shut down, then refused).
 */
@Timeout(120)
class ForwarderSecurityTest {
  /**
   * How long one hello waits for an answer. Hellos are repeated (as the agent does: jeromq 0.6.0
   * sometimes loses the first message of a fresh connection, zeromq/jeromq#849), so a stranger
   * is ignored for {@code HELLOS * ANSWER_WAIT_MILLIS}.
   */
  static final int ANSWER_WAIT_MILLIS = 1_000;

  static final int HELLOS = 4;
  @TempDir static Path dir;
  static FuncxService service;
  static ApiCaller api;
  static String admin;
  static ZContext context = new ZContext();

  @BeforeAll
  static void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    admin = ServiceTokens.admin(service, dir);
  }

  @AfterAll
  static void stop() throws Exception {
    context.close();
    if (service != null) service.close();
  }

  record Registered(
      String endpointId, CurveKeys.KeyPair keys, String forwarder, String serverKey) {}

  static Registered register(String name) throws Exception {
    CurveKeys.KeyPair keys = CurveKeys.generate();
    JsonObject r =
        api.call(
                admin,
                "POST",
                "/v2/endpoints",
                "{\"name\":\"" + name + "\",\"curve_public_key\":\"" + keys.publicKey() + "\"}")
            .body();
    return new Registered(
        r.get("endpoint_id").getAsString(),
        keys,
        r.get("forwarder_address").getAsString(),
        r.get("forwarder_public_key").getAsString());
  }

  static ZMQ.Socket dealer(String address, String serverKey, CurveKeys.KeyPair keys) {
    ZMQ.Socket s = context.createSocket(SocketType.DEALER);
    s.setLinger(0);
    s.setReceiveTimeOut(ANSWER_WAIT_MILLIS);
    if (keys != null) {
      s.setCurveServerKey(ZMQ.Curve.z85Decode(serverKey));
      s.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey()));
      s.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey()));
    }
    s.connect(address);
    return s;
  }

  static WireMessage hello(ZMQ.Socket s, String endpointId) {
    return hello(s, Messages.RegisterEndpoint.of(endpointId, UUID.randomUUID().toString()));
  }

  static WireMessage hello(ZMQ.Socket s, Messages.RegisterEndpoint registration) {
    for (int i = 0; i < HELLOS; i++) {
      new WireMessage(MessageType.REGISTER_ENDPOINT, registration).sendTo(s);
      WireMessage answer = receive(s);
      if (answer != null) return answer;
    }
    return null;
  }

  /** The next message other than a heartbeat, or null when none comes in time. */
  static WireMessage receive(ZMQ.Socket s) {
    while (true) {
      ZMsg m = ZMsg.recvMsg(s);
      if (m == null) return null;
      WireMessage message = WireMessage.decode(m);
      if (message.type() != MessageType.HEARTBEAT) return message;
    }
  }

  record Link(ZMQ.Socket socket, WireMessage answer) {}

  /**
   * Says hello as the agent does: on a fresh socket when one stays unanswered (jeromq#849 can
   * lose a fresh connection's first messages for good). Returns the first answer, or none.
   */
  static Link open(String address, String serverKey, CurveKeys.KeyPair keys, String endpointId) {
    return open(
        address,
        serverKey,
        keys,
        Messages.RegisterEndpoint.of(endpointId, UUID.randomUUID().toString()));
  }

  static Link open(
      String address,
      String serverKey,
      CurveKeys.KeyPair keys,
      Messages.RegisterEndpoint registration) {
    ZMQ.Socket s = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      if (s != null) s.close();
      s = dealer(address, serverKey, keys);
      WireMessage answer = hello(s, registration);
      if (answer != null) return new Link(s, answer);
    }
    return new Link(s, null);
  }

  /** The next message after any late answers to repeated hellos. */
  static WireMessage afterRegistration(ZMQ.Socket s) {
    WireMessage next = receive(s);
    while (next != null && next.type() == MessageType.ENDPOINT_REGISTERED) next = receive(s);
    return next;
  }

  /**
   * Connects with an unknown key until the ZAP handler has refused it; every attempt must get
   * nothing. A fresh connection's CURVE handshake sometimes stalls before its INITIATE reaches the
   * server in jeromq 0.6.0 (as first messages get lost, zeromq/jeromq#849; the agent connects
   * again on a fresh socket for that reason): such a handshake never consults ZAP, and the
   * connection carries nothing. So a few fresh sockets are tried, each given time to be refused.
   */
  static boolean aStrangersKeyIsRefusedByZap(Registered ep) {
    long refusedBefore = service.forwarder().refusedConnections();
    for (int attempt = 1; attempt <= 3; attempt++) {
      ZMQ.Socket stranger = dealer(ep.forwarder(), ep.serverKey(), CurveKeys.generate());
      assertThat(hello(stranger, ep.endpointId())).as("answer to a stranger").isNull();
      try {
        await()
            .atMost(Duration.ofSeconds(10))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> service.forwarder().refusedConnections() > refusedBefore);
        System.out.println(
            "ForwarderSecurityTest: the unknown key was refused by ZAP at attempt " + attempt);
        return true;
      } catch (ConditionTimeoutException stalled) {
        stranger.close();
      }
    }
    return false;
  }

  @Test
  void the_registered_key_is_admitted_and_strangers_get_nothing() throws Exception {
    Registered ep = register("admitted");
    Link link = open(ep.forwarder(), ep.serverKey(), ep.keys(), ep.endpointId());
    assertThat(link.answer().type()).isEqualTo(MessageType.ENDPOINT_REGISTERED);
    ZMQ.Socket good = link.socket();

    assertThat(aStrangersKeyIsRefusedByZap(ep))
        .as("the ZAP handler refused an unknown key")
        .isTrue();

    ZMQ.Socket plain = dealer(ep.forwarder(), null, null);
    assertThat(hello(plain, ep.endpointId())).isNull();

    ZMQ.Socket wrongServer = dealer(ep.forwarder(), CurveKeys.generate().publicKey(), ep.keys());
    assertThat(hello(wrongServer, ep.endpointId())).isNull();
    // the admitted link still works after all that
    assertThat(hello(good, ep.endpointId()).type()).isEqualTo(MessageType.ENDPOINT_REGISTERED);
  }

  @Test
  void a_registered_key_cannot_speak_for_another_endpoint() throws Exception {
    Registered mine = register("mine");
    Registered other = register("other");
    WireMessage answer =
        open(mine.forwarder(), mine.serverKey(), mine.keys(), other.endpointId()).answer();
    assertThat(answer.type()).isEqualTo(MessageType.REJECTED);
    assertThat(answer.body(Messages.Rejected.class).reason()).contains("CURVE key");
  }

  /**
   * An agent of another funcX (no protocol version: before versions were sent; or a newer one) is
   * rejected with a reason naming both versions; the same key then registers with this build's.
   */
  @Test
  void an_agent_of_another_wire_protocol_is_rejected_naming_both_versions() throws Exception {
    Registered ep = register("other-version");
    String ours =
        "wire protocol " + WireProtocol.VERSION + " (funcX " + WireProtocol.productVersion() + ")";
    for (var registration :
        List.of(
            new Messages.RegisterEndpoint(
                ep.endpointId(), UUID.randomUUID().toString(), "0.1.0", 0),
            new Messages.RegisterEndpoint(
                ep.endpointId(),
                UUID.randomUUID().toString(),
                "9.0.0",
                WireProtocol.VERSION + 1))) {
      Link link = open(ep.forwarder(), ep.serverKey(), ep.keys(), registration);
      assertThat(link.answer()).as("answer to protocol %d", registration.protocol()).isNotNull();
      assertThat(link.answer().type()).isEqualTo(MessageType.REJECTED);
      String reason = link.answer().body(Messages.Rejected.class).reason();
      assertThat(reason)
          .contains(ours)
          .contains("funcX " + registration.version())
          .contains(
              registration.protocol() == 0
                  ? "no protocol version"
                  : "wire protocol " + registration.protocol());
      assertThat(hello(link.socket(), ep.endpointId()).type())
          .isEqualTo(MessageType.ENDPOINT_REGISTERED);
    }
  }

  @Test
  void a_deleted_endpoint_is_disconnected_at_once_and_cannot_come_back() throws Exception {
    Registered ep = register("doomed");
    Link link = open(ep.forwarder(), ep.serverKey(), ep.keys(), ep.endpointId());
    assertThat(link.answer().type()).isEqualTo(MessageType.ENDPOINT_REGISTERED);
    ZMQ.Socket s = link.socket();
    assertThat(api.call(admin, "DELETE", "/v2/endpoints/" + ep.endpointId(), null).status())
        .isEqualTo(200);
    WireMessage next = afterRegistration(s);
    assertThat(next).isNotNull();
    assertThat(next.type()).isEqualTo(MessageType.SHUTDOWN);
    assertThat(hello(s, ep.endpointId()).type()).isEqualTo(MessageType.REJECTED);
    ZMQ.Socket again = dealer(ep.forwarder(), ep.serverKey(), ep.keys());
    assertThat(hello(again, ep.endpointId())).isNull();
  }

  @Test
  void a_new_key_from_the_owner_disconnects_the_old_one() throws Exception {
    Registered ep = register("rotated");
    Link link = open(ep.forwarder(), ep.serverKey(), ep.keys(), ep.endpointId());
    assertThat(link.answer().type()).isEqualTo(MessageType.ENDPOINT_REGISTERED);
    ZMQ.Socket old = link.socket();
    CurveKeys.KeyPair fresh = CurveKeys.generate();
    assertThat(
            api.call(
                    admin,
                    "POST",
                    "/v2/endpoints",
                    "{\"name\":\"rotated\",\"endpoint_id\":\""
                        + ep.endpointId()
                        + "\",\"curve_public_key\":\""
                        + fresh.publicKey()
                        + "\"}")
                .status())
        .isEqualTo(200);
    WireMessage next = afterRegistration(old);
    assertThat(next.type()).isEqualTo(MessageType.SHUTDOWN);
    assertThat(open(ep.forwarder(), ep.serverKey(), fresh, ep.endpointId()).answer().type())
        .isEqualTo(MessageType.ENDPOINT_REGISTERED);
  }
}
