package org.funcx.bench.scale;

import org.funcx.bench.JsonLine;
import org.funcx.bench.sim.HeartbeatGaps;

/**
 * Everything one scenario measured. The heap per slot and per manager is what connecting the
 * managers added to the retained heap; it includes the simulated managers' end of every
 * connection, so it is an upper bound of what the interchange holds for them. {@code
 * managerErrors} counts RESULTS a full queue refused and messages a simulated manager could not
 * decode; either makes the run invalid.
 */
public record ScaleResult(
    ScaleScenario scenario,
    long registrationMillis,
    long startupMillis,
    long heapBeforeBytes,
    long heapAfterBytes,
    HeartbeatGaps.Figures idleBeats,
    long idleSilenceMillis,
    LoadOutcome load,
    HeartbeatGaps.Figures loadBeats,
    long managersUsed,
    long managersLost,
    long managerErrors,
    int endpointRegistrations,
    String failure) {

  public boolean everyTaskAnsweredOnce() {
    return failure == null && load.everyTaskAnsweredOnce() && managerErrors == 0;
  }

  public double tasksPerSecond() {
    return load.tasksPerSecond();
  }

  public long tasksAnswered() {
    return load.answered();
  }

  public long managersLost() {
    return managersLost;
  }

  public JsonLine toJson() {
    long heapDelta = heapAfterBytes - heapBeforeBytes;
    var s = scenario;
    return new JsonLine("interchange-scale")
        .put("managers", s.managers())
        .put("workers_per_manager", s.workersPerManager())
        .put("slots", s.slots())
        .put("manager_threads", s.managerThreads())
        .put("window_tasks", s.windowTasks())
        .put("reported_task_micros", s.reportedTaskMicros())
        .put("dispatch_tasks_per_s", Math.round(tasksPerSecond()))
        .put("measured_s", load.windowSeconds())
        .put("tasks_sent", load.sent())
        .put("tasks_answered", load.answered())
        .put("every_task_answered_once", everyTaskAnsweredOnce())
        .put("duplicate_results", load.duplicates())
        .put("wrong_results", load.wrong())
        .put("drain_s", load.drainSeconds())
        .put("managers_used", managersUsed)
        .put(
            "interchange_thread_cpu_pct",
            load.windowEnd().groupCpuPercent("funcx-interchange", load.windowStart()))
        .put("process_cpu_pct", load.windowEnd().processCpuPercent(load.windowStart()))
        .put("cpu_pct_by_thread", load.windowEnd().breakdownSince(load.windowStart()))
        .put("endpoint_registration_ms", registrationMillis)
        .put("startup_ms", startupMillis)
        .put("heap_after_gc_mb", heapAfterBytes / 1048576.0)
        .put("heap_bytes_per_slot", heapDelta / Math.max(1, s.slots()))
        .put("heap_bytes_per_manager", heapDelta / Math.max(1, s.managers()))
        .put("heartbeat_period_ms", Math.round(s.heartbeatSeconds() * 1000))
        .put("idle_manager_heartbeat_gap_max_ms", idleBeats.maxGapMillis())
        .put("idle_manager_heartbeats", idleBeats.beats())
        .put("load_manager_heartbeat_gap_max_ms", loadBeats.maxGapMillis())
        .put("load_manager_heartbeats", loadBeats.beats())
        .put("idle_service_silence_max_ms", idleSilenceMillis)
        .put("load_service_silence_max_ms", load.maxSilenceMillis())
        .put("managers_lost", managersLost)
        .put("endpoint_reconnects", Math.max(0, endpointRegistrations - 1))
        .put("manager_errors", managerErrors)
        .put("failure", failure)
        .withMachine();
  }
}
