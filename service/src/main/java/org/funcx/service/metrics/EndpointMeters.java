package org.funcx.service.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;

/**
 * The figures of one endpoint, made once and kept by whoever counts its tasks (the forwarder's
 * link, a submission), so that counting a task is one increment and never a registry lookup.
 * Gauges read the last {@link Snapshot} the forwarder thread published.
 */
public final class EndpointMeters {
  /** What the forwarder knows of the endpoint: its link and what its last heartbeat reported. */
  public record Snapshot(
      boolean connected,
      int unfinished,
      int undelivered,
      int managers,
      int workers,
      int idleWorkers,
      int queued,
      int running,
      int blocks,
      int pendingBlocks) {
    public static final Snapshot NONE = new Snapshot(false, 0, 0, 0, 0, 0, 0, 0, 0, 0);
  }

  /** The {@code kind} label of a success; failures have {@link ErrorKind#wireName()}s. */
  public static final String SUCCESS = "success";

  /** The {@code kind} label of a failure whose kind an endpoint did not name (or misspelled). */
  public static final String UNKNOWN_FAILURE = "unknown";

  private final String endpointId;
  private final MeterRegistry registry;
  private final Tags tags;
  private final List<Meter> meters = new ArrayList<>();
  private final Counter received;
  private final Counter memoHits;
  private final Counter dispatched;
  private final Counter bytesReceived;
  private final Counter bytesSent;

  /**
   * Index 0: success; 1 + ordinal: each error kind; last: a failure without a known kind. Made on
   * first use: most kinds never occur.
   */
  private final AtomicReferenceArray<Counter> finished =
      new AtomicReferenceArray<>(ErrorKind.values().length + 2);

  private volatile Snapshot snapshot = Snapshot.NONE;

  EndpointMeters(String endpointId, MeterRegistry registry) {
    this.endpointId = endpointId;
    this.registry = registry;
    this.tags = Tags.of("endpoint", endpointId);
    received = counter("funcx.tasks.received", "Tasks submitted for the endpoint (memo hits too)");
    memoHits = counter("funcx.tasks.memo.hits", "Tasks answered from the memo at submission");
    dispatched =
        counter(
            "funcx.tasks.dispatched",
            "Tasks sent to the endpoint (a resend after a reconnect counts again)");
    bytesReceived =
        keep(
            Counter.builder("funcx.endpoint.link.received")
                .baseUnit("bytes")
                .description("Message bytes received from the endpoint (frames before encryption)")
                .tags(tags)
                .register(registry));
    bytesSent =
        keep(
            Counter.builder("funcx.endpoint.link.sent")
                .baseUnit("bytes")
                .description("Message bytes sent to the endpoint (frames before encryption)")
                .tags(tags)
                .register(registry));
    gauge(
        "funcx.endpoint.connected",
        "1 while the endpoint's link is up",
        s -> s.connected() ? 1 : 0);
    gauge(
        "funcx.endpoint.tasks.unfinished",
        "Unfinished tasks of the endpoint (service's view)",
        Snapshot::unfinished);
    gauge(
        "funcx.endpoint.tasks.undelivered",
        "Unfinished tasks the endpoint has not acknowledged yet (queued at the service)",
        Snapshot::undelivered);
    gauge(
        "funcx.endpoint.tasks.queued",
        "Tasks queued at the endpoint (its heartbeat)",
        Snapshot::queued);
    gauge(
        "funcx.endpoint.tasks.running",
        "Tasks running at the endpoint (its heartbeat)",
        Snapshot::running);
    gauge(
        "funcx.endpoint.managers",
        "Managers connected to the endpoint (its heartbeat)",
        Snapshot::managers);
    gauge(
        "funcx.endpoint.workers",
        "Workers of the endpoint's managers (its heartbeat)",
        Snapshot::workers);
    gauge("funcx.endpoint.workers.idle", "Idle workers (its heartbeat)", Snapshot::idleWorkers);
    gauge(
        "funcx.endpoint.workers.busy",
        "Busy workers (its heartbeat)",
        s -> Math.max(0, s.workers() - s.idleWorkers()));
    gauge(
        "funcx.endpoint.blocks",
        "Blocks not ended, pending ones included (its heartbeat)",
        Snapshot::blocks);
    gauge(
        "funcx.endpoint.blocks.pending",
        "Blocks waiting to start (its heartbeat)",
        Snapshot::pendingBlocks);
  }

  public String endpointId() {
    return endpointId;
  }

  public void received(long tasks) {
    received.increment(tasks);
  }

  /** Tasks answered from the memo at submission: received, and finished successes at once. */
  public void memoHits(long tasks) {
    received.increment(tasks);
    memoHits.increment(tasks);
    finishedCounter(null).increment(tasks);
  }

  public void dispatched(long tasks) {
    dispatched.increment(tasks);
  }

  public void bytesReceived(long bytes) {
    bytesReceived.increment(bytes);
  }

  public void bytesSent(long bytes) {
    bytesSent.increment(bytes);
  }

  /**
   * A task of this endpoint reached a terminal state durably; {@code error} is null for a
   * success, and {@code kind} null for a failure of no known kind.
   */
  public void finished(TaskError error) {
    finishedCounter(error).increment();
  }

  private Counter finishedCounter(TaskError error) {
    ErrorKind known = error == null ? null : error.kind();
    int index = error == null ? 0 : known == null ? finished.length() - 1 : 1 + known.ordinal();
    Counter c = finished.get(index);
    if (c == null) {
      String kind = error == null ? SUCCESS : known == null ? UNKNOWN_FAILURE : known.wireName();
      // The registry hands back the same counter to racing callers.
      c =
          keep(
              Counter.builder("funcx.tasks.finished")
                  .description(
                      "Tasks that reached a terminal state, by outcome (success or the error kind)")
                  .tags(tags.and("kind", kind))
                  .register(registry));
      finished.set(index, c);
    }
    return c;
  }

  /** Publishes what the gauges show; forwarder thread. */
  public void publish(Snapshot now) {
    snapshot = now;
  }

  /** Takes the endpoint's figures out of the registry (the endpoint was deleted). */
  synchronized void remove() {
    meters.forEach(registry::remove);
  }

  private Counter counter(String name, String help) {
    return keep(Counter.builder(name).description(help).tags(tags).register(registry));
  }

  private void gauge(String name, String help, java.util.function.ToDoubleFunction<Snapshot> f) {
    keep(
        Gauge.builder(name, this, m -> f.applyAsDouble(m.snapshot))
            .description(help)
            .tags(tags)
            .register(registry));
  }

  private synchronized <M extends Meter> M keep(M meter) {
    meters.add(meter);
    return meter;
  }
}
