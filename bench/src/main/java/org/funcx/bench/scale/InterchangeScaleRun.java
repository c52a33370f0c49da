package org.funcx.bench.scale;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.funcx.bench.HeapMeter;
import org.funcx.bench.Poll;
import org.funcx.bench.sim.HeartbeatGaps;

/**
 * One scenario: a real {@code Interchange} on its own thread between a {@link FakeForwarder} and
 * N {@link SimulatedManager}s. Measures, in order: startup until every slot is known, retained
 * heap, heartbeats while idle, then dispatch throughput and heartbeats under load.
 */
public final class InterchangeScaleRun {
  /** The service's default tasks per TASKS message ({@code ServiceConfig.sendBatchSize}). */
  private static final int SERVICE_BATCH = 5_000;

  private InterchangeScaleRun() {}

  public static ScaleResult run(ScaleScenario scenario) throws Exception {
    long heartbeatMillis = Math.round(scenario.heartbeatSeconds() * 1000);
    ManagerStats stats = new ManagerStats();
    List<SimulatedManager> managers = new ArrayList<>();
    long rigStart = System.nanoTime();
    InterchangeRig rig = new InterchangeRig(scenario.heartbeatSeconds(), SERVICE_BATCH);
    long registrationMillis;
    long heapBefore;
    long startupMillis;
    long heapAfter;
    HeartbeatGaps.Figures idleBeats;
    long idleSilence;
    LoadOutcome outcome;
    HeartbeatGaps.Figures loadBeats;
    try (rig) {
      rig.forwarder.registered().get(30, TimeUnit.SECONDS);
      registrationMillis = (System.nanoTime() - rigStart) / 1_000_000;
      heapBefore = HeapMeter.usedAfterGc(); // interchange up: what is added next is per manager
      for (int i = 0; i < scenario.managers(); i++) {
        managers.add(
            new SimulatedManager(
                rig.interchange.managerAddress(),
                rig.interchange.managerSecrets().issue(SimulatedManager.blockId(i)),
                i,
                scenario.workersPerManager(),
                heartbeatMillis,
                scenario.reportedTaskMicros(),
                stats));
      }
      long startNanos = System.nanoTime();
      rig.startManagers(managers, scenario.managerThreads(), Math.min(50, heartbeatMillis / 4));
      // The load snapshot is republished every 200 ms: that is this figure's resolution.
      Poll.until(
          "every manager to register",
          Duration.ofMinutes(2),
          () -> rig.interchange.loadSnapshot().idleSlots() == scenario.slots());
      startupMillis = (System.nanoTime() - startNanos) / 1_000_000;
      heapAfter = HeapMeter.usedAfterGc();

      stats.interchangeBeats.take();
      rig.forwarder.takeMaxSilenceMillis().get(5, TimeUnit.SECONDS);
      Thread.sleep(heartbeatMillis * 5 / 2); // an observation window, not a wait for a condition
      idleBeats = stats.interchangeBeats.take();
      idleSilence = rig.forwarder.takeMaxSilenceMillis().get(5, TimeUnit.SECONDS);

      outcome = load(rig.forwarder, scenario);
      loadBeats = stats.interchangeBeats.take();
    }
    Throwable failure = rig.managerFailure();
    return new ScaleResult(
        scenario,
        registrationMillis,
        startupMillis,
        heapBefore,
        heapAfter,
        idleBeats,
        idleSilence,
        outcome,
        loadBeats,
        managers.stream().filter(m -> m.tasksReceived() > 0).count(),
        stats.shutDown.sum(),
        stats.sendFailures.sum() + stats.malformed.sum(),
        rig.forwarder.registrations(),
        failure == null ? null : failure.toString());
  }

  private static LoadOutcome load(FakeForwarder forwarder, ScaleScenario s)
      throws InterruptedException, ExecutionException, TimeoutException {
    var outcome =
        forwarder.load(new LoadPlan(s.taskLimit(), s.windowTasks(), s.warmup(), s.measure()));
    // Generous: a window drains at well under 1,000 tasks/s only when something is broken.
    long allowedSeconds = s.warmup().plus(s.measure()).toSeconds() + 30 + s.windowTasks() / 1_000;
    try {
      return outcome.get(allowedSeconds, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      forwarder.cutShort();
      return outcome.get(10, TimeUnit.SECONDS);
    }
  }
}
