package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.funcx.core.wire.LiveOutputLimits;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.OutputChunk;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.funcx.jvm.OutputTail;
import org.funcx.service.auth.Scope;
import org.funcx.service.output.LiveOutputWindows;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output of running tasks as the service keeps and serves it ({@code GET /v2/tasks/{id}/output}):
 * a real service, endpoints speaking the wire protocol over their CURVE links, REST over HTTP.
 * Rogue endpoints attack the bounds; the service keeps serving.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LiveOutputTest {
  @TempDir Path dir;
  FuncxService service;
  ApiCaller api;
  String admin;
  String function;

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    api = new ApiCaller(service.url());
    admin = ServiceTokens.admin(service, dir);
    function = api.registerIdentity(admin);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  @Test
  void a_follower_gets_each_byte_once_while_the_task_runs_and_the_rest_when_it_ends()
      throws Exception {
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String task = runningTask(endpoint);
      endpoint.send(output(task, 0, "step 1\n", 0, null));
      JsonObject first = awaitOutput(task, 0, 0, "step 1\n");
      assertThat(first.get("status").getAsString()).isEqualTo("running");
      assertThat(first.get("finished").getAsBoolean()).isFalse();
      assertThat(offset(first, "stdout")).isEqualTo(7);
      assertThat(text(read(task, 7, 0), "stdout")).isEmpty();

      // A repeat of what was sent overlaps: only its new bytes count.
      endpoint.send(output(task, 0, "step 1\nstep 2\n", 0, "warn\n"));
      JsonObject second = awaitOutput(task, 7, 0, "step 2\n");
      assertThat(text(second, "stderr")).isEqualTo("warn\n");

      // A character cut between two chunks waits for its other byte.
      byte[] accent = "é\n".getBytes(StandardCharsets.UTF_8);
      endpoint.send(output(task, 14, Arrays.copyOfRange(accent, 0, 1), 5, null));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> service.forwarder().liveOutput().keptBytes(task) == 14 + 1 + 5);
      JsonObject cut = read(task, 14, 5);
      assertThat(text(cut, "stdout")).isEmpty();
      assertThat(offset(cut, "stdout")).isEqualTo(14);

      // It ends; the final output holds it all, and the reader gets only what it lacks.
      endpoint.send(
          ResultEnvelope.pack(
              List.of(
                  ResultEnvelope.json(
                      Messages.TaskResult.success(task, "1")
                          .withOutput("step 1\nstep 2\né\nstep 3\n", "warn\n"))),
              0));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> read(task, 14, 5).get("finished").getAsBoolean());
      JsonObject last = read(task, 14, 5);
      assertThat(last.get("status").getAsString()).isEqualTo("success");
      assertThat(text(last, "stdout")).isEqualTo("é\nstep 3\n");
      assertThat(text(last, "stderr")).isEmpty();
      assertThat(offset(last, "stdout"))
          .isEqualTo("step 1\nstep 2\né\nstep 3\n".getBytes(StandardCharsets.UTF_8).length);
      assertThat(service.forwarder().liveOutput().keptBytes(task))
          .as("dropped as it ends")
          .isZero();
    }
  }

  @Test
  void a_task_printing_megabytes_keeps_only_the_window_and_a_follower_behind_it_sees_the_gap()
      throws Exception {
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String task = runningTask(endpoint);
      String other = runningTask(endpoint);
      // 2 million lines' worth (≈ 17 MiB) at the most a message may carry per task.
      byte[] lines =
          "line of output\n"
              .repeat(LiveOutputLimits.CHUNK_BYTES / 15 + 1)
              .substring(0, LiveOutputLimits.CHUNK_BYTES)
              .getBytes(StandardCharsets.UTF_8);
      long at = 0;
      for (int i = 0; i < 1_100; i++, at += lines.length) {
        endpoint.send(output(task, at, lines, 0, null));
      }
      endpoint.send(output(other, 0, "other task\n", 0, null));
      awaitOutput(other, 0, 0, "other task\n"); // sent after the flood: the flood was read
      long total = at;
      await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> offset(read(task, 0, 0), "stdout") == total);
      assertThat(service.forwarder().liveOutput().keptBytes(task))
          .isEqualTo(LiveOutputWindows.WINDOW_BYTES);
      JsonObject behind = read(task, 0, 0);
      long dropped = total - LiveOutputWindows.WINDOW_BYTES;
      assertThat(behind.getAsJsonObject("stdout").get("dropped").getAsLong()).isEqualTo(dropped);
      String kept = text(behind, "stdout");
      assertThat(kept).startsWith(OutputTail.marker(dropped));
      assertThat(
              kept.substring(OutputTail.marker(dropped).length()).getBytes(StandardCharsets.UTF_8))
          .hasSize(LiveOutputWindows.WINDOW_BYTES);
    }
  }

  @Test
  void chunks_over_the_bounds_or_for_tasks_not_the_endpoints_own_are_refused_and_it_serves_on()
      throws Exception {
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin);
        FakeEndpoint rogue = FakeEndpoint.connect(api, admin)) {
      String task = runningTask(endpoint);
      byte[] tooBig = new byte[LiveOutputLimits.CHUNK_BYTES + 1];
      Arrays.fill(tooBig, (byte) 'x');
      String rogueTask = runningTask(rogue);
      rogue.send(output(task, 0, "not yours\n", 0, null)); // another endpoint's task
      rogue.send(output(rogueTask, 0, "its own\n", 0, null));
      awaitOutput(rogueTask, 0, 0, "its own\n"); // one link keeps order: the first was read
      assertThat(text(read(task, 0, 0), "stdout")).isEmpty();
      endpoint.send(output(task, 0, tooBig, 0, null));
      endpoint.send(
          new WireMessage(
              MessageType.OUTPUT,
              new Messages.LiveOutput(
                  List.of(
                      new OutputChunk(task, 0, "not base64 !", 0, null),
                      new OutputChunk(
                          task,
                          -5,
                          base64("negative\n".getBytes(StandardCharsets.UTF_8)),
                          0,
                          null)))));
      List<OutputChunk> tooMany = new ArrayList<>();
      for (int i = 0; i < LiveOutputLimits.CHUNKS_PER_MESSAGE; i++) {
        tooMany.add(new OutputChunk(task, 0, null, 0, null));
      }
      tooMany.add(new OutputChunk(task, 0, base64("one too many\n".getBytes()), 0, null));
      endpoint.send(new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(tooMany)));
      endpoint.send(output(task, 0, "mine\n", 0, null)); // sent last: read after the rest
      JsonObject served = awaitOutput(task, 0, 0, "mine\n");
      assertThat(offset(served, "stdout")).isEqualTo(5);
      endpoint.send(
          ResultEnvelope.pack(
              List.of(
                  ResultEnvelope.json(
                      Messages.TaskResult.success(task, "7").withOutput("mine\n", null))),
              0));
      await()
          .atMost(Duration.ofSeconds(30))
          .until(
              () ->
                  "success"
                      .equals(
                          api.call(admin, "GET", "/v2/tasks/" + task, null)
                              .body()
                              .get("status")
                              .getAsString()));
    }
  }

  @Test
  void output_of_one_task_more_than_the_service_keeps_evicts_the_least_recently_printing()
      throws Exception {
    int tasks = LiveOutputWindows.MAX_TASKS + 1;
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String args =
          String.join(
              ",",
              java.util.Collections.nCopies(
                  tasks,
                  "{\"function_id\":\""
                      + function
                      + "\",\"endpoint_id\":\""
                      + endpoint.endpointId
                      + "\",\"args\":[1]}"));
      var answer = api.call(admin, "POST", "/v2/submit", "{\"tasks\":[" + args + "]}");
      assertThat(answer.status()).isEqualTo(202);
      List<String> ids = endpoint.take(tasks, 60_000);
      assertThat(ids).hasSize(tasks);
      String last = ids.get(tasks - 1);
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  "running"
                      .equals(
                          api.call(admin, "GET", "/v2/tasks/" + last, null)
                              .body()
                              .get("status")
                              .getAsString()));
      // Every task prints one line, in order, as full messages as an endpoint may send.
      List<OutputChunk> chunks = new ArrayList<>();
      for (String id : ids) {
        chunks.add(new OutputChunk(id, 0, base64(("task " + id + "\n").getBytes()), 0, null));
        if (chunks.size() == LiveOutputLimits.CHUNKS_PER_MESSAGE || id.equals(last)) {
          endpoint.send(new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(chunks)));
          chunks = new ArrayList<>();
        }
      }
      awaitOutput(last, 0, 0, "task " + last + "\n");
      assertThat(service.forwarder().liveOutput().tasks()).isEqualTo(LiveOutputWindows.MAX_TASKS);
      String first = ids.get(0);
      assertThat(text(read(first, 0, 0), "stdout")).as("evicted").isEmpty();
      assertThat(text(read(ids.get(1), 0, 0), "stdout")).isEqualTo("task " + ids.get(1) + "\n");
      // The evicted task prints on: its follower sees the gap, then the new text.
      long printed = ("task " + first + "\n").length();
      endpoint.send(output(first, printed, "again\n", 0, null));
      JsonObject resumed = awaitOutput(first, 0, 0, OutputTail.marker(printed) + "again\n");
      assertThat(resumed.getAsJsonObject("stdout").get("dropped").getAsLong()).isEqualTo(printed);
      assertThat(service.forwarder().liveOutput().tasks()).isEqualTo(LiveOutputWindows.MAX_TASKS);
    }
  }

  @Test
  void unknown_or_someone_elses_task_is_404_and_a_bad_offset_400() throws Exception {
    try (FakeEndpoint endpoint = FakeEndpoint.connect(api, admin)) {
      String task = runningTask(endpoint);
      String stranger = ServiceTokens.mint(service, "mallory", Set.of(), Scope.COMPUTE);
      assertThat(api.call(stranger, "GET", "/v2/tasks/" + task + "/output", null).status())
          .isEqualTo(404);
      assertThat(
              api.call(admin, "GET", "/v2/tasks/" + java.util.UUID.randomUUID() + "/output", null)
                  .status())
          .isEqualTo(404);
      var bad = api.call(admin, "GET", "/v2/tasks/" + task + "/output?stdout_offset=-1", null);
      assertThat(bad.status()).isEqualTo(400);
      assertThat(bad.code()).isEqualTo("invalid_offset");
      assertThat(
              api.call(admin, "GET", "/v2/tasks/" + task + "/output?stderr_offset=x", null)
                  .status())
          .isEqualTo(400);
    }
  }

  private String runningTask(FakeEndpoint endpoint) throws Exception {
    var answer =
        api.call(
            admin,
            "POST",
            "/v2/submit",
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint.endpointId
                + "\",\"args\":[1]}]}");
    assertThat(answer.status()).isEqualTo(202);
    String id = answer.body().getAsJsonArray("task_ids").get(0).getAsString();
    assertThat(endpoint.take(1, 30_000)).containsExactly(id);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                "running"
                    .equals(
                        api.call(admin, "GET", "/v2/tasks/" + id, null)
                            .body()
                            .get("status")
                            .getAsString()));
    return id;
  }

  private static WireMessage output(String task, long outAt, String out, long errAt, String err) {
    return output(
        task,
        outAt,
        out == null ? null : out.getBytes(StandardCharsets.UTF_8),
        errAt,
        err == null ? null : err.getBytes(StandardCharsets.UTF_8));
  }

  private static WireMessage output(String task, long outAt, byte[] out, long errAt, byte[] err) {
    return new WireMessage(
        MessageType.OUTPUT,
        new Messages.LiveOutput(
            List.of(
                new OutputChunk(
                    task,
                    outAt,
                    out == null ? null : base64(out),
                    errAt,
                    err == null ? null : base64(err)))));
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private JsonObject read(String task, long out, long err) throws Exception {
    var answer =
        api.call(
            admin,
            "GET",
            "/v2/tasks/" + task + "/output?stdout_offset=" + out + "&stderr_offset=" + err,
            null);
    assertThat(answer.status()).as(answer.body().toString()).isEqualTo(200);
    return answer.body();
  }

  private JsonObject awaitOutput(String task, long out, long err, String expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> text(read(task, out, err), "stdout").equals(expected));
    try {
      return read(task, out, err);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String text(JsonObject answer, String stream) {
    return answer.getAsJsonObject(stream).get("text").getAsString();
  }

  private static long offset(JsonObject answer, String stream) {
    return answer.getAsJsonObject(stream).get("offset").getAsLong();
  }
}
