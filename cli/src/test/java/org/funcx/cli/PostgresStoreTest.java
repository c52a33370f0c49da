package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.client.TaskStatus;
import org.funcx.core.model.TaskState;
import org.funcx.service.store.PostgresLocation;
import org.funcx.service.store.RealPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service on the real PostgreSQL of scripts/postgres (a database of its own), through real
 * processes and sockets: SDK → service → endpoint → manager and back; after a restart of the
 * service its functions, endpoint, accounts and results are all still there, and its data
 * directory holds none of them.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class PostgresStoreTest {
  private static final String SQUARE = "long sq(long x) { return x * x; }";

  @Test
  void results_functions_and_endpoints_in_postgresql_outlive_a_restart_of_the_service()
      throws Exception {
    RealPostgres postgres = RealPostgres.start();
    PostgresLocation database = postgres.freshDatabase();
    try (TestCluster cluster =
        TestCluster.withServiceArgs(
            List.of(
                "--store",
                database.url(),
                "--store-user",
                database.user(),
                "--store-password-file",
                postgres.passwordFile().toString()))) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("local", c -> c.withWorkers(1, 4));
      RegisteredFunction square = client.register(SQUARE);
      List<String> before =
          client.submit(square.id(), endpoint, List.of(3L, 4L), TaskOptions.DEFAULT).taskIds();
      awaitSuccess(client, before);

      cluster.service.stop();
      cluster.startService();

      assertThat(client.task(before.get(0)).result().getAsLong()).isEqualTo(9L);
      assertThat(client.task(before.get(1)).result().getAsLong()).isEqualTo(16L);
      // the function and endpoint registered before the restart still run tasks
      List<String> after =
          client.submit(square.id(), endpoint, List.of(5L), TaskOptions.DEFAULT).taskIds();
      awaitSuccess(client, after);
      assertThat(client.task(after.get(0)).result().getAsLong()).isEqualTo(25L);
      try (var files = Files.list(cluster.home.serviceData())) {
        assertThat(files.map(p -> p.getFileName().toString()))
            .as("no embedded store in the data directory")
            .noneMatch(name -> name.startsWith("tasks.mvstore") || name.startsWith("registry"));
      }
    }
  }

  private static void awaitSuccess(FuncXClient client, List<String> ids) {
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> client.batchStatus(ids).values().stream().allMatch(TaskStatus::finished));
    for (String id : ids) {
      assertThat(client.task(id).state()).as("task %s", id).isEqualTo(TaskState.SUCCESS);
    }
  }
}
