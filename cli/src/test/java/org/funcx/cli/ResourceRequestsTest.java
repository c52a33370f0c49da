package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.core.model.ResourceSpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Resource specifications refused at submission through a real service and a real local
 * endpoint (no Slurm): values out of range name their field, ranks for a Java function or on an
 * endpoint that cannot place them are typed 400s, and both keep serving afterwards.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ResourceRequestsTest {
  static TestCluster cluster;
  static FuncXClient client;
  static String endpointId;
  static RegisteredFunction echo;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    endpointId = cluster.startEndpoint("local", c -> c.withWorkers(1, 0));
    await().atMost(Duration.ofMinutes(1)).until(() -> client.endpoint(endpointId).online());
    echo = client.registerShell("echo", "echo {word}");
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  private static FuncXException refusal(String resourceSpecification) {
    JsonObject task = new JsonObject();
    task.addProperty("function_id", echo.id());
    task.addProperty("endpoint_id", endpointId);
    task.add("args", JsonParser.parseString("[{\"word\": \"x\"}]"));
    task.add("resource_specification", JsonParser.parseString(resourceSpecification));
    JsonObject body = new JsonObject();
    body.add("tasks", JsonParser.parseString("[" + task + "]"));
    try {
      client.submit(body);
    } catch (FuncXException e) {
      return e;
    }
    throw new AssertionError("accepted: " + resourceSpecification);
  }

  @Test
  void values_out_of_range_are_a_400_naming_the_field() {
    Map<String, String> cases =
        Map.of(
            "{\"num_nodes\": 0}", "resource_specification.num_nodes",
            "{\"ranks_per_node\": 2.5}", "resource_specification.ranks_per_node",
            "{\"ranks_per_node\": 1e999}", "resource_specification.ranks_per_node",
            "{\"cpus_per_rank\": 1025}", "resource_specification.cpus_per_rank",
            "{\"cpus_per_rank\": \"2\"}", "resource_specification.cpus_per_rank",
            "{\"num_nodes\": 99999999999999999999}", "resource_specification.num_nodes",
            "{\"gpus\": 1}", "resource_specification.gpus",
            "[2]", "resource_specification");
    cases.forEach(
        (spec, field) -> {
          FuncXException e = refusal(spec);
          assertThat(e.status()).as(spec).isEqualTo(400);
          assertThat(e.code()).as(spec).isEqualTo("invalid_resource_specification");
          assertThat(e.getMessage()).as(spec).startsWith(field + " ");
        });
  }

  @Test
  void ranks_for_a_java_function_or_on_an_endpoint_without_slurm_are_refused() throws Exception {
    RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
    TaskOptions twoRanks = TaskOptions.DEFAULT.withResources(ResourceSpec.of(1, 2, 1));
    assertThatThrownBy(() -> client.submit(nap.id(), endpointId, List.of(List.of(1, 0)), twoRanks))
        .isInstanceOfSatisfying(
            FuncXException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("resources_need_shell_function");
              assertThat(e.getMessage()).contains(nap.id());
            });
    FuncXException local = refusal("{\"ranks_per_node\": 2}");
    assertThat(local.code()).isEqualTo("endpoint_cannot_place_ranks");
    assertThat(local.getMessage()).contains(endpointId).contains("no Slurm blocks");

    // the CLI says the same, and refuses a bad value before asking the service
    CliProcess run =
        CliProcess.run(
            cluster.home,
            "run",
            echo.id(),
            "--endpoint",
            endpointId,
            "--ranks",
            "2",
            "{\"word\": \"x\"}");
    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err()).contains("cannot place ranks");
    CliProcess zero = CliProcess.run(cluster.home, "run", echo.id(), "--ranks", "0", "{}");
    assertThat(zero.exitCode()).isNotZero();
    assertThat(zero.err())
        .contains("resource_specification.ranks_per_node must be between 1" + " and 1024, got 0");

    // nothing was queued, and the service and endpoint keep serving
    CliProcess plain =
        CliProcess.run(
            cluster.home, "run", echo.id(), "--endpoint", endpointId, "{\"word\": \"still here\"}");
    assertThat(plain.exitCode()).as(plain.err()).isZero();
    assertThat(plain.out()).contains("still here");
  }
}
