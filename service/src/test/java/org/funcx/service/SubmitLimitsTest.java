package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Oversized requests from an authenticated user, streamed by a real HTTP client from generated
 * bytes (never held by the test): each is refused with 413 and the limit it crossed, as soon as
 * it crosses it, and the service goes on accepting normal submissions, losing none it accepted.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SubmitLimitsTest {
  static final long ATTACK_BYTES = 200_000_000L;
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String token;
  String function;
  String endpoint;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    token = ServiceTokens.admin(service, dir);
    function = api.registerIdentity(token);
    endpoint =
        api.call(token, "POST", "/v2/endpoints", "{\"name\":\"e\"}")
            .body()
            .get("endpoint_id")
            .getAsString();
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  String task(String args) {
    return "{\"function_id\":\""
        + function
        + "\",\"endpoint_id\":\""
        + endpoint
        + "\",\"args\":"
        + args
        + "}";
  }

  @Test
  void a_200_mb_submission_is_refused_at_the_body_limit_and_the_service_goes_on() throws Exception {
    String accepted = submitOne();
    // a valid task, then 200 MB of an unknown field: only the byte limit can refuse it
    JsonObject a =
        post("/v2/submit", "{\"tasks\":[" + task("[1]") + "],\"padding\":\"", 'x', "\"}", -1);
    assertTooLarge(a, "payload_too_large");
    assertThat(a.getAsJsonObject("details").get("limit_bytes").getAsLong()).isEqualTo(128L << 20);
    assertStillServing(accepted);
  }

  @Test
  void a_declared_content_length_over_the_limit_is_refused_before_reading() throws Exception {
    JsonObject a = post("/v2/submit", "{\"padding\":\"", 'x', "\"}", ATTACK_BYTES);
    assertTooLarge(a, "payload_too_large");
    assertThat(a.getAsJsonObject("details").get("size_bytes").getAsLong()).isEqualTo(ATTACK_BYTES);
    assertStillServing(submitOne());
  }

  @Test
  void a_200_mb_args_list_is_refused_at_the_task_count_limit() throws Exception {
    String accepted = submitOne();
    String head =
        "{\"batches\":[{\"function_id\":\""
            + function
            + "\",\"endpoint_id\":\""
            + endpoint
            + "\",\"args_list\":[[1]";
    JsonObject a = post("/v2/submit", head, ',', "[1]]}]}", -1, ",[1]");
    assertTooLarge(a, "too_many_tasks");
    assertThat(a.getAsJsonObject("details").get("limit").getAsInt()).isEqualTo(1_000_000);
    assertStillServing(accepted);
  }

  @Test
  void one_task_with_arguments_over_the_limit_is_refused_naming_it() throws Exception {
    String second = task("[\"");
    String head = "{\"tasks\":[" + task("[1]") + "," + second.substring(0, second.length() - 1);
    JsonObject a = post("/v2/submit", head, 'y', "\"]}]}", 20L << 20);
    assertTooLarge(a, "payload_too_large");
    assertThat(a.getAsJsonObject("details").get("task_index").getAsInt()).isEqualTo(1);
    assertThat(a.getAsJsonObject("details").get("limit").getAsInt()).isEqualTo(10 << 20);
    assertStillServing(submitOne());
  }

  @Test
  void other_json_routes_take_at_most_16_mib_even_when_chunked() throws Exception {
    JsonObject a = post("/v2/functions", "{\"function_code\":\"", 'z', "\"}", -1);
    assertTooLarge(a, "payload_too_large");
    assertThat(a.getAsJsonObject("details").get("limit_bytes").getAsLong()).isEqualTo(16L << 20);
    assertStillServing(submitOne());
  }

  private void assertTooLarge(JsonObject answer, String code) {
    assertThat(answer.get("status").getAsInt()).isEqualTo(413);
    assertThat(answer.get("code").getAsString()).isEqualTo(code);
  }

  private String submitOne() throws Exception {
    ApiCaller.Answer a = api.call(token, "POST", "/v2/submit", "{\"tasks\":[" + task("[1]") + "]}");
    assertThat(a.status()).isEqualTo(202);
    return a.body().getAsJsonArray("task_ids").get(0).getAsString();
  }

  private void assertStillServing(String accepted) throws Exception {
    String fresh = submitOne();
    for (String id : new String[] {accepted, fresh}) {
      assertThat(api.call(token, "GET", "/v2/tasks/" + id, null).body().get("status").getAsString())
          .isEqualTo("waiting-for-endpoint");
    }
  }

  private JsonObject post(String path, String head, char filler, String tail, long declared)
      throws Exception {
    return post(path, head, filler, tail, declared, String.valueOf(filler));
  }

  /**
   * POSTs {@code head}, then {@code unit} repeated to about {@link #ATTACK_BYTES} (or to
   * {@code declared} bytes when that is positive, sent as Content-Length), then {@code tail}.
   */
  private JsonObject post(
      String path, String head, char filler, String tail, long declared, String unit)
      throws Exception {
    long total = declared > 0 ? declared : ATTACK_BYTES;
    var body =
        HttpRequest.BodyPublishers.ofInputStream(() -> new Generated(head, unit, tail, total));
    var publisher = declared > 0 ? HttpRequest.BodyPublishers.fromPublisher(body, declared) : body;
    var response =
        http.send(
            HttpRequest.newBuilder(URI.create(service.url() + path))
                .header("Authorization", "Bearer " + token)
                .POST(publisher)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    JsonObject json = JsonParser.parseString(response.body()).getAsJsonObject();
    assertThat(json.get("status").getAsInt()).isEqualTo(response.statusCode());
    return json;
  }

  /** {@code head}, {@code unit} repeated, {@code tail}: exactly {@code total} bytes, made as read. */
  static final class Generated extends InputStream {
    private final byte[] head;
    private final byte[] unit;
    private final byte[] tail;
    private final long total;
    private long position;

    Generated(String head, String unit, String tail, long total) {
      this.head = head.getBytes(StandardCharsets.UTF_8);
      this.unit = unit.getBytes(StandardCharsets.UTF_8);
      this.tail = tail.getBytes(StandardCharsets.UTF_8);
      this.total = total;
    }

    @Override
    public int read() {
      if (position >= total) return -1;
      long p = position++;
      if (p < head.length) return head[(int) p] & 0xFF;
      long fromTail = total - p;
      if (fromTail <= tail.length) return tail[tail.length - (int) fromTail] & 0xFF;
      return unit[(int) ((p - head.length) % unit.length)] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= total) return -1;
      int n = (int) Math.min(length, total - position);
      for (int i = 0; i < n; i++) buffer[offset + i] = (byte) read();
      return n;
    }
  }
}
