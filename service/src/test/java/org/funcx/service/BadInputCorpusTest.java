package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

/**
 * A generated corpus of bad requests against every route, and of malformed frames against the
 * forwarder: every answer is a 4xx with the error shape (never a 5xx), and the service keeps
 * working afterwards.
 */
@Timeout(180)
class BadInputCorpusTest {
  @TempDir Path dir;
  FuncxService service;
  String token;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  final Random random = new Random(20260101);
  String functionId;
  String endpointId;

  @BeforeEach
  void start() throws Exception {
    service =
        FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0).withMaxArgsBytes(4_096));
    token = ServiceTokens.admin(service, dir);
    functionId =
        json(send("POST", "/v2/functions", "{\"function_code\":\"int id(int x) { return x; }\"}"))
            .get("function_id")
            .getAsString();
    endpointId =
        json(send("POST", "/v2/endpoints", "{\"name\":\"e\"}")).get("endpoint_id").getAsString();
  }

  @AfterEach
  void stop() throws Exception {
    service.close();
  }

  HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest.Builder b;
    try {
      b = HttpRequest.newBuilder(URI.create(service.url() + path));
    } catch (IllegalArgumentException e) {
      return null; // not even a URI a client could send
    }
    return http.send(
        b.header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static JsonObject json(HttpResponse<String> r) {
    return JsonParser.parseString(r.body()).getAsJsonObject();
  }

  List<String> bodies() {
    List<String> out =
        new ArrayList<>(
            List.of(
                "",
                "{",
                "[]",
                "null",
                "42",
                "\"x\"",
                "{\"a\":",
                "{}",
                "{\"tasks\":5}",
                "{\"tasks\":[5]}",
                "{\"batches\":[{}]}",
                "{\"task_ids\":\"x\"}",
                "{\"task_ids\":[1,2]}",
                "{\"function_code\":7}",
                "{\"function_code\":\"\"}",
                "{\"function_code\":\"class {\"}",
                "{\"name\":\"\"}",
                "{\"name\":[]}",
                "{\"name\":\"" + "n".repeat(500) + "\"}",
                "{\"function_code\":\"" + "x".repeat(2 << 20) + "\"}",
                "{\"tasks\":[{\"function_id\":\""
                    + functionId
                    + "\",\"endpoint_id\":\""
                    + endpointId
                    + "\",\"args\":[\""
                    + "a".repeat(10_000)
                    + "\"]}]}",
                "{\"tasks\":[{\"function_id\":\"../../etc/passwd\",\"endpoint_id\":\""
                    + endpointId
                    + "\"}]}",
                "{\"batches\":[{\"function_id\":\""
                    + functionId
                    + "\",\"endpoint_id\":\""
                    + endpointId
                    + "\",\"args_list\":[[1],2]}]}",
                "{\"tasks\":[{\"function_id\":\""
                    + functionId
                    + "\",\"endpoint_id\":\""
                    + endpointId
                    + "\",\"timeout_s\":-1}]}",
                "{\"tasks\":[{\"function_id\":\""
                    + functionId
                    + "\",\"endpoint_id\":\""
                    + endpointId
                    + "\",\"cache\":\"yes\"}]}",
                "{\"task_ids\":[\"" + "z".repeat(36) + "\"]}",
                "\u0000\u0001\u0002",
                "{\"\\ud800\":1}"));
    String[] pieces = {
      "{",
      "}",
      "[",
      "]",
      ",",
      ":",
      "\"",
      "null",
      "true",
      "1e999",
      "-0",
      "\\u0000",
      "\"function_id\"",
      "\"tasks\"",
      "\"args\"",
      "\"task_ids\"",
      "\"name\"",
      "\"function_code\""
    };
    for (int i = 0; i < 150; i++) {
      StringBuilder b = new StringBuilder();
      for (int j = random.nextInt(12); j >= 0; j--) b.append(pieces[random.nextInt(pieces.length)]);
      out.add(b.toString());
    }
    return out;
  }

  @Test
  void bad_requests_on_every_route_are_4xx_with_the_error_shape() throws Exception {
    String[] ids = {
      "x",
      "%00",
      "00000000-0000-0000-0000-000000000000",
      "1-1-1-1-1",
      "a".repeat(300),
      "..%2F..%2Fetc"
    };
    List<String[]> routes = new ArrayList<>();
    for (String id : ids) {
      routes.add(new String[] {"GET", "/v2/functions/" + id});
      routes.add(new String[] {"DELETE", "/v2/functions/" + id});
      routes.add(new String[] {"GET", "/v2/endpoints/" + id});
      routes.add(new String[] {"GET", "/v2/endpoints/" + id + "/status"});
      routes.add(new String[] {"GET", "/v2/tasks/" + id});
      routes.add(new String[] {"GET", "/v2/tasks/" + id + "/result"});
      routes.add(new String[] {"POST", "/v2/tasks/" + id + "/cancel"});
      routes.add(new String[] {"GET", "/v2/task_groups/" + id});
    }
    int cases = 0;
    for (String[] route : routes) {
      cases++;
      check(send(route[0], route[1], null), route);
    }
    for (String body : bodies()) {
      for (String path :
          List.of("/v2/functions", "/v2/endpoints", "/v2/submit", "/v2/batch_status")) {
        cases++;
        check(send("POST", path, body), new String[] {"POST", path});
      }
    }
    for (int i = 0; i < 400; i++) {
      byte[] noise = new byte[random.nextInt(64)];
      random.nextBytes(noise);
      cases++;
      check(
          send(
              "POST",
              "/v2/submit",
              new String(noise, java.nio.charset.StandardCharsets.ISO_8859_1)),
          new String[] {"POST", "/v2/submit"});
    }
    assertThat(cases).isGreaterThanOrEqualTo(1_000);
    assertServiceWorks();
  }

  private void check(HttpResponse<String> r, String[] route) {
    if (r == null) return;
    assertThat(r.statusCode()).as("%s %s -> %s", route[0], route[1], r.body()).isBetween(400, 499);
    JsonObject body;
    try {
      body = json(r);
    } catch (RuntimeException e) {
      throw new AssertionError(route[0] + " " + route[1] + " answered non-JSON: " + r.body(), e);
    }
    assertThat(body.keySet())
        .as("%s %s", route[0], route[1])
        .contains("status", "code", "message", "details");
  }

  @Test
  void malformed_frames_on_the_forwarder_are_dropped_and_endpoints_still_connect()
      throws Exception {
    // Strangers cannot reach the frame decoder at all (CURVE + ZAP, see ForwarderSecurityTest):
    // the junk comes from an admitted endpoint, a buggy or compromised one.
    var keys = org.funcx.service.forward.CurveKeys.generate();
    var registered =
        json(
            send(
                "POST",
                "/v2/endpoints",
                "{\"name\":\"junk\",\"curve_public_key\":\"" + keys.publicKey() + "\"}"));
    try (ZContext context = new ZContext()) {
      ZMQ.Socket attacker = context.createSocket(SocketType.DEALER);
      attacker.setCurveServerKey(
          ZMQ.Curve.z85Decode(registered.get("forwarder_public_key").getAsString()));
      attacker.setCurvePublicKey(ZMQ.Curve.z85Decode(keys.publicKey()));
      attacker.setCurveSecretKey(ZMQ.Curve.z85Decode(keys.secretKey()));
      attacker.connect("tcp://127.0.0.1:" + service.forwarderPort());
      for (int i = 0; i < 300; i++) {
        int frames = 1 + random.nextInt(4);
        for (int f = 0; f < frames; f++) {
          byte[] data = new byte[random.nextInt(f == 0 ? 3 : 200)];
          random.nextBytes(data);
          if (f == 0 && data.length == 1 && random.nextBoolean())
            data[0] = (byte) random.nextInt(14);
          attacker.send(data, f + 1 < frames ? ZMQ.SNDMORE : 0);
        }
      }
      // a registration for an unknown endpoint and one with a null session are refused, not fatal
      attacker.send(new byte[] {0}, ZMQ.SNDMORE);
      attacker.send("{\"endpointId\":null}");
      attacker.send(new byte[] {0}, ZMQ.SNDMORE);
      attacker.send("{\"endpointId\":\"" + registered.get("endpoint_id").getAsString() + "\"}");
      // an oversized body (32 MiB of junk after a valid type byte) is refused like any other;
      // last, since the forwarder drops the connection, and a multipart send on a dropped
      // connection can trip JeroMQ's own assert(!more) (zeromq/libzmq#1588)
      attacker.send(
          new byte[] {(byte) org.funcx.core.wire.MessageType.RESULTS.ordinal()}, ZMQ.SNDMORE);
      byte[] huge = new byte[32 << 20];
      java.util.Arrays.fill(huge, (byte) '[');
      attacker.send(huge);
      Thread.sleep(500);
    }
    assertServiceWorks();
    assertThat(
            json(send("GET", "/v2/endpoints/" + endpointId + "/status", null))
                .get("status")
                .getAsString())
        .isEqualTo("offline");
  }

  private void assertServiceWorks() throws Exception {
    HttpResponse<String> ok =
        send(
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + functionId
                + "\",\"endpoint_id\":\""
                + endpointId
                + "\",\"args\":[1]}]}");
    assertThat(ok.statusCode()).as(ok.body()).isEqualTo(202);
    assertThat(send("GET", "/v2/version", null).statusCode()).isEqualTo(200);
  }
}
