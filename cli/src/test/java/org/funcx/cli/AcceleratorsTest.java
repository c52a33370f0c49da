package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.ShellResult;
import org.funcx.client.TaskFuture;
import org.funcx.endpoint.config.EndpointConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local endpoint listing accelerators: one worker per id (fewer than workersPerNode asked),
 * and a shell task sees its worker's id as CUDA_VISIBLE_DEVICES. Checkable without GPUs.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class AcceleratorsTest {
  /** Each task marks its id, then waits (bounded) until both tasks run: one on each worker. */
  static final String BOTH_WORKERS =
      "touch {dir}/id-$CUDA_VISIBLE_DEVICES; i=0;"
          + " while [ $(ls {dir} | wc -l) -lt 2 ] && [ $i -lt 1200 ]; do sleep 0.1; i=$((i+1)); done;"
          + " echo $CUDA_VISIBLE_DEVICES";

  @Test
  void each_worker_is_bound_to_one_accelerator_and_its_shell_tasks_see_it(@TempDir Path dir)
      throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint =
          cluster.startEndpoint(
              "gpus", c -> c.withWorkers(4, 0).withAccelerators(List.of("0", "1")));
      await()
          .atMost(Duration.ofMinutes(1))
          .until(
              () -> client.endpoint(endpoint).online() && client.endpoint(endpoint).workers() > 0);
      assertThat(client.endpoint(endpoint).workers()).as("workers capped to the ids").isEqualTo(2);

      RegisteredFunction ids = client.registerShell("gpu-ids", BOTH_WORKERS);
      List<String> seen = new ArrayList<>();
      try (FuncXExecutor executor = client.executor(endpoint)) {
        List<TaskFuture> tasks =
            List.of(
                executor.submit(ids, Map.of("dir", dir.toString())),
                executor.submit(ids, Map.of("dir", dir.toString())));
        for (TaskFuture t : tasks) {
          ShellResult r = ShellResult.of(t.get(2, TimeUnit.MINUTES));
          assertThat(r.returncode()).as(r.stderr()).isZero();
          seen.add(r.stdout().strip());
        }
      }
      assertThat(seen).containsExactlyInAnyOrder("0", "1");
      try (var files = Files.list(dir)) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .containsExactlyInAnyOrder("id-0", "id-1");
      }
    }
  }

  @Test
  void an_id_that_is_not_one_is_refused_when_the_config_is_read() {
    EndpointConfig config = EndpointConfig.defaults("gpus", "http://127.0.0.1:1");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> config.withAccelerators(List.of("0", "0; rm -rf ~")).validated())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'0; rm -rf ~'");
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> config.withAccelerators(List.of("0", "0")).validated())
        .hasMessageContaining("lists an id twice");
    assertThat(
            config
                .withWorkers(8, 0)
                .withAccelerators(List.of("a", "b", "c"))
                .validated()
                .workersPerNode())
        .isEqualTo(3);
  }
}
