package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.ResultEnvelope;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's state is its user's alone: after a real start (into a new directory, and into an
 * old one left 0755 with a 0644 file) and tasks with JSON and binary results, every directory
 * under the data directory is 0700 and every file 0600, whatever the umask (0022 here).
 */
@Timeout(value = 90, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrivateStateTest {
  @TempDir Path home;

  @Test
  void a_new_data_directory_and_everything_in_it_is_private() throws Exception {
    Path data = home.resolve("funcx").resolve("service");
    runTasks(data);
    assertPrivate(home.resolve("funcx"));
  }

  @Test
  void an_old_world_readable_data_directory_is_made_private() throws Exception {
    Path data = Files.createDirectories(home.resolve("old"));
    Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
    Files.writeString(data.resolve("notes.txt"), "left by an older version");
    Files.setPosixFilePermissions(
        data.resolve("notes.txt"), PosixFilePermissions.fromString("rw-r--r--"));
    runTasks(data);
    assertPrivate(data);
  }

  private void runTasks(Path data) throws Exception {
    try (FuncxService service = FuncxService.start(ServiceConfig.defaults(data).withPorts(0, 0))) {
      ApiCaller api = new ApiCaller(service.url());
      String token = ServiceTokens.admin(service, data);
      String function = api.registerIdentity(token);
      try (FakeEndpoint endpoint = FakeEndpoint.connect(api, token)) {
        String body =
            "{\"tasks\":[{\"function_id\":\""
                + function
                + "\",\"endpoint_id\":\""
                + endpoint.endpointId
                + "\",\"args\":[1]}]}";
        String json =
            api.call(token, "POST", "/v2/submit", body)
                .body()
                .getAsJsonArray("task_ids")
                .get(0)
                .getAsString();
        endpoint.answer(1, "1", 20_000);
        String binary =
            api.call(token, "POST", "/v2/submit", body)
                .body()
                .getAsJsonArray("task_ids")
                .get(0)
                .getAsString();
        endpoint.answer(
            1,
            20_000,
            id ->
                new ResultEnvelope(
                    new Messages.TaskResult(id, null, null, "octet-stream", 0),
                    new byte[] {1, 2, 3}));
        for (String id : List.of(json, binary)) {
          await()
              .atMost(Duration.ofSeconds(10))
              .until(
                  () ->
                      "success"
                          .equals(
                              api.call(token, "GET", "/v2/tasks/" + id, null)
                                  .body()
                                  .get("status")
                                  .getAsString()));
        }
      }
    }
  }

  private static void assertPrivate(Path root) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        modes.put(
            root.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    assertThat(modes.keySet()).anyMatch(k -> k.endsWith("results/")); // binary results were stored
    modes.forEach(
        (path, mode) ->
            assertThat(mode).as(path).isEqualTo(path.endsWith("/") ? "rwx------" : "rw-------"));
  }
}
