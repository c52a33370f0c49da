package org.funcx.bench.scale;

import java.time.Duration;

/**
 * One N×M point of the scale simulation.
 *
 * @param managers simulated managers (one DEALER connection each)
 * @param workersPerManager worker slots each manager advertises in REGISTER_MANAGER
 * @param managerThreads threads serving all simulated managers
 * @param heartbeatSeconds the endpoint's heartbeat period (its config's {@code heartbeatSeconds})
 * @param windowTasks most tasks sent by the service and not yet answered
 * @param taskLimit most tasks to send in all; {@link Long#MAX_VALUE}: until {@code measure} ends
 * @param warmup load before the measured window starts (JIT, buffers)
 * @param measure measured window; zero to measure from the first task to the last result
 * @param reportedTaskMicros mean task time the managers report; a real manager running no-ops
 *     reports 1, which makes the interchange raise its prefetch to the maximum
 */
public record ScaleScenario(
    int managers,
    int workersPerManager,
    int managerThreads,
    double heartbeatSeconds,
    int windowTasks,
    long taskLimit,
    Duration warmup,
    Duration measure,
    long reportedTaskMicros) {

  public int slots() {
    return managers * workersPerManager;
  }

  /** A timed run with a window of every slot plus two service batches, but at least 50,000. */
  public static ScaleScenario timed(
      int managers, int workersPerManager, Duration warmup, Duration measure) {
    int slots = managers * workersPerManager;
    return new ScaleScenario(
        managers,
        workersPerManager,
        2,
        2.0,
        Math.max(50_000, slots + 10_000),
        Long.MAX_VALUE,
        warmup,
        measure,
        1);
  }

  /** A run of exactly {@code tasks} tasks, measured from first task to last result. */
  public static ScaleScenario counted(int managers, int workersPerManager, long tasks) {
    return new ScaleScenario(
        managers, workersPerManager, 1, 2.0, 50_000, tasks, Duration.ZERO, Duration.ZERO, 1);
  }

  public ScaleScenario withHeartbeatSeconds(double seconds) {
    return new ScaleScenario(
        managers,
        workersPerManager,
        managerThreads,
        seconds,
        windowTasks,
        taskLimit,
        warmup,
        measure,
        reportedTaskMicros);
  }

  public ScaleScenario withWindow(int tasks) {
    return new ScaleScenario(
        managers,
        workersPerManager,
        managerThreads,
        heartbeatSeconds,
        tasks,
        taskLimit,
        warmup,
        measure,
        reportedTaskMicros);
  }

  public ScaleScenario withManagerThreads(int threads) {
    return new ScaleScenario(
        managers,
        workersPerManager,
        threads,
        heartbeatSeconds,
        windowTasks,
        taskLimit,
        warmup,
        measure,
        reportedTaskMicros);
  }

  public ScaleScenario withReportedTaskMicros(long micros) {
    return new ScaleScenario(
        managers,
        workersPerManager,
        managerThreads,
        heartbeatSeconds,
        windowTasks,
        taskLimit,
        warmup,
        measure,
        micros);
  }
}
