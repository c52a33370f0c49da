package org.funcx.service.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * The service's figures for {@code GET /metrics}, in one Micrometer registry rendered in the
 * Prometheus text format. Each figure is counted at the one place its event happens: submissions
 * in the submit API, dispatches and link bytes in the forwarder, outcomes and end-to-end latency
 * where a terminal state is committed, commit latency in the store's group commit, requests in
 * Javalin's request logger. Labels are bounded: endpoint id, outcome kind, route template and
 * status class; never task or user ids.
 */
public final class ServiceMetrics implements AutoCloseable {
  /** Histogram buckets of the latencies: 1 ms to 5 min, enough to see a slow disk or endpoint. */
  private static final Duration[] LATENCY_BUCKETS = {
    Duration.ofMillis(1),
    Duration.ofMillis(2),
    Duration.ofMillis(5),
    Duration.ofMillis(10),
    Duration.ofMillis(25),
    Duration.ofMillis(50),
    Duration.ofMillis(100),
    Duration.ofMillis(250),
    Duration.ofMillis(500),
    Duration.ofSeconds(1),
    Duration.ofMillis(2500),
    Duration.ofSeconds(5),
    Duration.ofSeconds(10),
    Duration.ofSeconds(30),
    Duration.ofSeconds(60),
    Duration.ofSeconds(300)
  };

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<String, EndpointMeters> endpoints = new ConcurrentHashMap<>();
  private final Map<String, Timer> requestTimers = new ConcurrentHashMap<>();
  private final Timer storeCommit;
  private final Timer endToEnd;
  private final AtomicInteger connectedEndpoints = new AtomicInteger();
  private final JvmGcMetrics gc = new JvmGcMetrics();

  public ServiceMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    storeCommit =
        latency(
            "funcx.store.commit",
            "Task store commit and sync rounds (one round covers every caller waiting)",
            Tags.empty());
    endToEnd =
        latency(
            "funcx.tasks.end_to_end",
            "From a task's submission to its outcome committed (memo hits excluded)",
            Tags.empty());
    Gauge.builder("funcx.endpoints.connected", connectedEndpoints, AtomicInteger::get)
        .description("Endpoints whose link is up")
        .register(registry);
  }

  /** The figures of one endpoint, made on first use and then the same object. */
  public EndpointMeters endpoint(String endpointId) {
    return endpoints.computeIfAbsent(endpointId, id -> new EndpointMeters(id, registry));
  }

  /** Drops a deleted endpoint's figures, so gone endpoints do not pile up in every scrape. */
  public void forgetEndpoint(String endpointId) {
    EndpointMeters gone = endpoints.remove(endpointId);
    if (gone != null) gone.remove();
  }

  /** Unfinished tasks of the whole service (queued or running anywhere). */
  public void unfinishedTasks(IntSupplier count) {
    // Strong: Micrometer holds a gauge's object weakly, and nothing else holds this lambda.
    Gauge.builder("funcx.tasks.unfinished", count, IntSupplier::getAsInt)
        .strongReference(true)
        .description("Unfinished tasks, queued or running, of all endpoints")
        .register(registry);
  }

  public void connectedEndpoints(int count) {
    connectedEndpoints.set(count);
  }

  public void storeCommitted(long nanos) {
    storeCommit.record(nanos, TimeUnit.NANOSECONDS);
  }

  /** A task's outcome was committed {@code millis} after it was submitted. */
  public void endToEnd(long millis) {
    endToEnd.record(Math.max(0, millis), TimeUnit.MILLISECONDS);
  }

  /**
   * One HTTP request answered. {@code route} is the matched route's template (never the path, so
   * ids do not become labels); one timer per route and status class, made once.
   */
  public void request(String route, int status, long nanos) {
    String statusClass = status < 100 || status > 599 ? "other" : (status / 100) + "xx";
    requestTimers
        .computeIfAbsent(
            route + ' ' + statusClass,
            key ->
                latency(
                    "funcx.http.requests",
                    "HTTP requests by route template and status class",
                    Tags.of("route", route, "status", statusClass)))
        .record(nanos, TimeUnit.NANOSECONDS);
  }

  /** The registry's figures in the Prometheus text format (version 0.0.4). */
  public String scrape() {
    return registry.scrape();
  }

  private Timer latency(String name, String help, Tags tags) {
    return Timer.builder(name)
        .description(help)
        .tags(tags)
        .serviceLevelObjectives(LATENCY_BUCKETS)
        .register(registry);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
