package org.funcx.bench.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.funcx.bench.JsonLine;
import org.funcx.bench.Poll;
import org.funcx.bench.sim.PeerPool;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.service.FuncxService;
import org.funcx.service.ServiceConfig;

/**
 * Many endpoints on one service: a real {@link FuncxService} in this process, endpoints
 * registered through its REST API with the SDK, and one {@link SimulatedAgent} per endpoint. The
 * SDK maps no-ops onto every endpoint at once and waits for all results: submit → store →
 * forwarder → agents → forwarder → store → WebSocket push → futures (agents are instant).
 */
public final class ManyEndpointsRun {
  /**
   * @param endpoints endpoints registered and simulated
   * @param tasksPerEndpoint no-op tasks mapped onto each endpoint in the measured round
   * @param agentThreads threads serving all simulated agents
   * @param submitThreads client threads submitting the maps, as several users would
   */
  public record Plan(int endpoints, int tasksPerEndpoint, int agentThreads, int submitThreads) {}

  private ManyEndpointsRun() {}

  @SuppressWarnings("try") // FuncxService.close() declares Exception; nothing here interrupts it
  public static JsonLine run(Plan plan) throws Exception {
    Path dataDir = Files.createTempDirectory("funcx-bench-service-");
    AgentStats stats = new AgentStats();
    List<FuncXExecutor> executors = new ArrayList<>();
    ServiceConfig config = ServiceConfig.defaults(dataDir).withPorts(0, 0);
    try (FuncxService service = FuncxService.start(config)) {
      FuncXClient client = FuncXClient.connect(service.url());
      long registerStart = System.nanoTime();
      List<EndpointInfo> endpoints = new ArrayList<>();
      for (int i = 0; i < plan.endpoints(); i++) {
        endpoints.add(client.registerEndpoint("sim-" + i, null));
      }
      double registerSeconds = (System.nanoTime() - registerStart) / 1e9;
      RegisteredFunction noop = client.register("int noop(int x) { return x; }");
      List<SimulatedAgent> agents =
          endpoints.stream()
              .map(e -> new SimulatedAgent(e.id(), e.forwarderAddress(), stats))
              .toList();
      long connectStart = System.nanoTime();
      try (PeerPool pool = PeerPool.start("bench-agents", agents, plan.agentThreads(), 50)) {
        Poll.until(
            "every agent to register",
            Duration.ofMinutes(1),
            () -> stats.registered.get() == plan.endpoints());
        double connectSeconds = (System.nanoTime() - connectStart) / 1e9;
        endpoints.forEach(e -> executors.add(client.executor(e.id())));
        round(executors, noop, Math.max(10, plan.tasksPerEndpoint() / 10), plan.submitThreads());
        stats.serviceBeats.take();
        Round measured = round(executors, noop, plan.tasksPerEndpoint(), plan.submitThreads());
        var beats = stats.serviceBeats.take();
        Throwable failure = pool.failure();
        return new JsonLine("service-many-endpoints")
            .put("endpoints", plan.endpoints())
            .put("tasks_per_endpoint", plan.tasksPerEndpoint())
            .put("submit_threads", plan.submitThreads())
            .put("tasks", measured.tasks())
            .put("submit_to_result_tasks_per_s", Math.round(measured.tasks() / measured.seconds()))
            .put("measured_s", measured.seconds())
            .put("submit_s", measured.submitSeconds())
            .put("first_endpoint_done_s", measured.firstDoneSeconds())
            .put("last_endpoint_done_s", measured.seconds())
            .put("wrong_results", measured.wrong())
            .put("endpoint_register_rest_s", registerSeconds)
            .put("agents_registered_s", connectSeconds)
            .put("service_heartbeat_gap_max_ms", beats.maxGapMillis())
            .put("service_heartbeat_period_ms", config.heartbeat().toMillis())
            .put("reconnects", stats.reconnects.sum())
            .put("rejected", stats.rejected.sum())
            .put("agent_send_failures", stats.sendFailures.sum())
            .put("failure", failure == null ? null : failure.toString())
            .withMachine();
      }
    } finally {
      executors.forEach(FuncXExecutor::close);
      deleteTree(dataDir);
    }
  }

  private record Round(
      long tasks, double seconds, double submitSeconds, double firstDoneSeconds, long wrong) {}

  /** Maps {@code perEndpoint} no-ops onto every endpoint, then waits for every result. */
  private static Round round(
      List<FuncXExecutor> executors, RegisteredFunction noop, int perEndpoint, int submitThreads)
      throws Exception {
    List<Integer> inputs = IntStream.range(0, perEndpoint).boxed().toList();
    List<List<CompletableFuture<Object>>> results = new ArrayList<>();
    List<CompletableFuture<Long>> doneAt = new ArrayList<>();
    AtomicInteger threadNumber = new AtomicInteger();
    ExecutorService submitters =
        Executors.newFixedThreadPool(
            submitThreads, r -> new Thread(r, "bench-submit-" + threadNumber.getAndIncrement()));
    long start = System.nanoTime();
    try {
      List<Future<List<CompletableFuture<Object>>>> submissions = new ArrayList<>();
      for (FuncXExecutor executor : executors) {
        submissions.add(submitters.submit(() -> executor.map(noop, inputs)));
      }
      for (Future<List<CompletableFuture<Object>>> submission : submissions) {
        List<CompletableFuture<Object>> futures = submission.get();
        results.add(futures);
        doneAt.add(
            CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new))
                .thenApply(ignored -> System.nanoTime()));
      }
    } finally {
      submitters.shutdown();
    }
    double submitSeconds = (System.nanoTime() - start) / 1e9;
    CompletableFuture.allOf(doneAt.toArray(CompletableFuture[]::new)).get(10, TimeUnit.MINUTES);
    List<Long> doneNanos = doneAt.stream().map(CompletableFuture::join).toList();
    long last = Collections.max(doneNanos);
    long first = Collections.min(doneNanos);
    long wrong = 0;
    for (List<CompletableFuture<Object>> futures : results) {
      for (int i = 0; i < futures.size(); i++) {
        if (!Integer.valueOf(i).equals(futures.get(i).join())) wrong++;
      }
    }
    return new Round(
        (long) perEndpoint * executors.size(),
        (last - start) / 1e9,
        submitSeconds,
        (first - start) / 1e9,
        wrong);
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) return;
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }
}
