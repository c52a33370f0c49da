package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskOptions;
import org.funcx.core.retry.RestartBackoff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The service and agents run under supervisors (real processes): SIGKILLed, they come back on
 * their own with their state, tasks accepted before finish and new ones run; a deliberate stop
 * restarts nothing and leaves no process; an agent that cannot start says why at once.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class SupervisionTest {
  private static final String INC = "int inc(int x) { return x + 1; }";

  @Test
  void a_killed_service_is_restarted_by_its_supervisor_and_its_tasks_finish() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("sup", c -> c.withWorkers(2, 0));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(300, 20), TaskOptions.DEFAULT)
              .taskIds();
      await().atMost(Duration.ofMinutes(2)).until(() -> finished(client, ids) >= 10);

      long killed = cluster.servicePid();
      TestCluster.kill9(killed);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  cluster.service.servicePid().filter(p -> p != killed).isPresent()
                      && cluster.service.running().isPresent());

      SupervisorStatus status = cluster.service.supervision().status().orElseThrow();
      assertThat(status.restarts()).isEqualTo(1);
      assertThat(status.lastExitCode()).isEqualTo(137);
      assertThat(status.lastExit()).contains("SIGKILL");
      FaultToleranceTest.assertResultsAreTheInputs(
          ids, FaultToleranceTest.awaitAllFinished(client, ids));
      assertThat(runOnce(client, endpoint)).isEqualTo(8);

      CliProcess shown = CliProcess.run(cluster.home, "status");
      assertThat(shown.out()).contains("supervised, restarts 1; last exit: killed by signal 9");
    }
  }

  /**
   * A real OutOfMemoryError: the service runs with a 128 MiB heap and gets a legitimate
   * submission of 14 tasks with 8 MiB arguments each (112 MiB, within the limits), which it holds
   * in memory while reading. -XX:+ExitOnOutOfMemoryError ends it; its supervisor restarts it.
   */
  @Test
  void a_service_that_runs_out_of_memory_is_restarted_and_tasks_accepted_before_finish()
      throws Exception {
    try (TestCluster cluster = new TestCluster(List.of("-Xmx128m"))) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("oom", c -> c.withWorkers(2, 0));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(200, 20), TaskOptions.DEFAULT)
              .taskIds();
      RegisteredFunction length = client.register("int length(String s) { return s.length(); }");
      long before = cluster.servicePid();

      int answer =
          HeapFillingSubmission.send(
              cluster.url,
              cluster.home.tokens().tokens(cluster.url).accessToken(),
              length.id(),
              endpoint,
              14,
              8 << 20);
      assertThat(answer).as("the submission was not accepted").isNotEqualTo(202);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  cluster.service.servicePid().filter(p -> p != before).isPresent()
                      && cluster.service.running().isPresent());

      SupervisorStatus status = cluster.service.supervision().status().orElseThrow();
      assertThat(status.restarts()).isEqualTo(1);
      assertThat(status.lastExitCode()).isEqualTo(ChildExit.OUT_OF_MEMORY_CODE);
      assertThat(status.lastExit()).startsWith("ran out of memory").contains("Java heap space");
      FaultToleranceTest.assertResultsAreTheInputs(
          ids, FaultToleranceTest.awaitAllFinished(client, ids));
      assertThat(runOnce(client, endpoint)).isEqualTo(8);
    }
  }

  @Test
  void a_killed_agent_is_restarted_reconnects_and_its_tasks_finish() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("agent", c -> c.withWorkers(2, 4));
      RegisteredFunction nap = client.register(FaultToleranceTest.NAP);
      List<String> ids =
          client
              .submit(nap.id(), endpoint, FaultToleranceTest.naps(300, 20), TaskOptions.DEFAULT)
              .taskIds();
      await().atMost(Duration.ofMinutes(2)).until(() -> finished(client, ids) >= 10);

      List<Long> killed = new ArrayList<>();
      for (int round = 1; round <= 2; round++) {
        long agent = cluster.agentPid("agent");
        List<Long> managers = cluster.managerPids("agent");
        killed.add(agent);
        TestCluster.kill9(agent);
        int expectedRestarts = round;
        await()
            .atMost(Duration.ofMinutes(2))
            .pollInterval(Duration.ofMillis(200))
            .until(
                () ->
                    cluster
                            .endpoints
                            .runningPid("agent")
                            .filter(p -> !killed.contains(p))
                            .isPresent()
                        && client.endpoint(endpoint).online()
                        && cluster.endpoints.supervision("agent").status().orElseThrow().restarts()
                            == expectedRestarts);
        // the killed agent's managers were ended before its successor started
        await()
            .atMost(Duration.ofMinutes(1))
            .until(() -> managers.stream().noneMatch(ProcessLauncher::alive));
      }
      SupervisorStatus status = cluster.endpoints.supervision("agent").status().orElseThrow();
      assertThat(status.lastExit()).contains("SIGKILL");
      // two failures in a row: the second restart waited twice the first pause
      assertThat(status.backoffMillis()).isEqualTo(RestartBackoff.delayMillis(2));

      FaultToleranceTest.assertResultsAreTheInputs(
          ids, FaultToleranceTest.awaitAllFinished(client, ids));
      assertThat(runOnce(client, endpoint)).isEqualTo(8);
      assertThat(CliProcess.run(cluster.home, "endpoint", "status", "agent").out())
          .contains("restarts 2; last exit: killed by signal 9");
    }
  }

  @Test
  void an_agent_that_cannot_start_says_why_first_and_is_not_left_restarting() throws Exception {
    try (TestCluster cluster = new TestCluster();
        ServerSocket taken = new ServerSocket(0)) {
      // the agent's interchange must bind a port another process holds: it cannot start at all
      assertThatThrownBy(
              () ->
                  cluster.startEndpoint(
                      "busy",
                      c ->
                          new org.funcx.endpoint.config.EndpointConfig(
                              c.name(),
                              c.endpointId(),
                              c.serviceUrl(),
                              c.provider(),
                              c.workersPerNode(),
                              c.prefetch(),
                              c.initBlocks(),
                              c.minBlocks(),
                              c.maxBlocks(),
                              c.heartbeatSeconds(),
                              c.maxRetries(),
                              c.interchangeHost(),
                              taken.getLocalPort(),
                              c.workerJvmOptions(),
                              c.workerJava(),
                              c.maxResultBytes(),
                              c.idleTimeoutSeconds(),
                              c.slurm(),
                              c.allowedFunctions(),
                              c.keepShellSandboxes())))
          .isInstanceOf(Supervision.StartFailed.class)
          .satisfies(
              e ->
                  assertThat(e.getMessage().lines().findFirst().orElseThrow())
                      .startsWith("endpoint busy could not start: exited with code 1: "));
      Supervision supervision = cluster.endpoints.supervision("busy");
      assertThat(supervision.supervisor()).as("no supervisor left restarting it").isEmpty();
      assertThat(supervision.child()).isEmpty();
      assertThat(supervision.status().orElseThrow().restarts()).isEqualTo(1);
    }
  }

  @Test
  void a_supervisor_whose_home_was_removed_starts_nothing_again() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      Supervision supervision = cluster.service.supervision();
      long supervisor = supervision.supervisor().orElseThrow().pid();
      java.nio.file.Files.delete(supervision.specFile());
      TestCluster.kill9(cluster.servicePid());
      await().atMost(Duration.ofMinutes(1)).until(() -> !ProcessLauncher.alive(supervisor));
      assertThat(supervision.child()).isEmpty();
      assertThat(java.nio.file.Files.readString(supervision.supervisorLog()))
          .contains(supervision.specFile() + " is gone; the service is not started again");
    }
  }

  @Test
  void children_whose_supervisors_were_killed_are_adopted_at_the_next_start() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      FuncXClient client = cluster.client();
      String endpoint = cluster.startEndpoint("orphan", c -> c.withWorkers(1, 0));
      long service = cluster.servicePid();
      long agent = cluster.agentPid("orphan");
      Supervision serviceSupervision = cluster.service.supervision();
      Supervision agentSupervision = cluster.endpoints.supervision("orphan");
      TestCluster.kill9(serviceSupervision.supervisor().orElseThrow().pid());
      TestCluster.kill9(agentSupervision.supervisor().orElseThrow().pid());
      assertThat(ProcessLauncher.alive(service)).as("the service, unsupervised").isTrue();
      assertThat(ProcessLauncher.alive(agent)).as("the agent, unsupervised").isTrue();

      cluster.startService(); // what `./funcx service start` and `./funcx up` do
      cluster.endpoints.start("orphan", cluster.url);
      // the same processes, supervised again: not second ones beside them
      assertThat(cluster.servicePid()).isEqualTo(service);
      assertThat(cluster.agentPid("orphan")).isEqualTo(agent);
      assertThat(serviceSupervision.supervisor()).isPresent();
      assertThat(agentSupervision.supervisor()).isPresent();

      TestCluster.kill9(service);
      TestCluster.kill9(agent);
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(200))
          .until(
              () ->
                  cluster.service.servicePid().filter(p -> p != service).isPresent()
                      && cluster.service.running().isPresent()
                      && cluster.endpoints.runningPid("orphan").filter(p -> p != agent).isPresent()
                      && client.endpoint(endpoint).online());
      for (Supervision s : List.of(serviceSupervision, agentSupervision)) {
        SupervisorStatus status = s.status().orElseThrow();
        assertThat(status.restarts()).isEqualTo(1);
        assertThat(status.lastExit()).contains("it was adopted");
        assertThat(java.nio.file.Files.readString(s.supervisorLog())).contains("adopted");
      }
      assertThat(runOnce(client, endpoint)).isEqualTo(8);
    }
  }

  private static Object runOnce(FuncXClient client, String endpoint) throws Exception {
    RegisteredFunction inc = client.register(INC);
    try (FuncXExecutor executor = client.executor(endpoint)) {
      return executor.submit(inc, 7).get(2, TimeUnit.MINUTES);
    }
  }

  private static long finished(FuncXClient client, List<String> ids) {
    return client.batchStatus(ids).values().stream().filter(s -> s.finished()).count();
  }
}
