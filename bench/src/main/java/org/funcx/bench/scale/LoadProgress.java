package org.funcx.bench.scale;

import java.util.BitSet;
import java.util.concurrent.CompletableFuture;
import org.funcx.bench.CpuClock;
import org.funcx.bench.sim.TaskIds;
import org.funcx.core.wire.Messages.TaskResult;

/**
 * The simulated service's book of one load run: which tasks were sent and answered, and the
 * clock readings that bound the measured window. Forwarder thread only.
 */
final class LoadProgress {
  final LoadPlan plan;
  final CompletableFuture<LoadOutcome> outcome = new CompletableFuture<>();
  private final BitSet answeredIds = new BitSet();
  private final long warmupEndsNanos;
  private final long sendUntilNanos;
  private final CpuClock.Sample start;
  private CpuClock.Sample windowStart;
  private long windowStartAnswered;
  private CpuClock.Sample stop;
  private long stopAnswered;
  long sent;
  long answered;
  long duplicates;
  long wrong;
  long maxSilenceMillis;

  LoadProgress(LoadPlan plan) {
    this.plan = plan;
    this.start = CpuClock.sample();
    this.warmupEndsNanos = start.wallNanos() + plan.warmup().toNanos();
    this.sendUntilNanos =
        plan.timed() ? warmupEndsNanos + plan.measure().toNanos() : Long.MAX_VALUE;
  }

  /** How many more tasks may be sent now; 0 once sending has stopped. */
  int sendable(int batchSize) {
    if (stop != null) return 0;
    long room = Math.min(plan.taskLimit() - sent, plan.window() - (sent - answered));
    return (int) Math.max(0, Math.min(batchSize, room));
  }

  void checkOff(TaskResult result) {
    long seq = TaskIds.sequenceOf(result.taskId());
    if (seq < 0
        || seq >= sent
        || !result.succeeded()
        || !String.valueOf(seq).equals(result.resultJson())) {
      wrong++;
    } else if (answeredIds.get((int) seq)) {
      duplicates++;
    } else {
      answeredIds.set((int) seq);
      answered++;
    }
  }

  /** Moves through warm-up, measured window and drain; returns true when the run is over. */
  boolean advance(long nowNanos) {
    if (windowStart == null && plan.timed() && nowNanos >= warmupEndsNanos) {
      windowStart = CpuClock.sample();
      windowStartAnswered = answered;
    }
    if (stop == null && (sent >= plan.taskLimit() || nowNanos >= sendUntilNanos)) {
      stop = CpuClock.sample();
      stopAnswered = answered;
    }
    if (stop != null && answered == sent) {
      finish(true);
      return true;
    }
    return false;
  }

  /** Completes the outcome with what is known now; {@code finished} says whether all came back. */
  void finish(boolean finished) {
    CpuClock.Sample end = CpuClock.sample();
    CpuClock.Sample sendStop = stop != null ? stop : end;
    boolean timed = plan.timed() && windowStart != null;
    outcome.complete(
        new LoadOutcome(
            sent,
            answered,
            duplicates,
            wrong,
            timed ? stopAnswered - windowStartAnswered : answered,
            timed ? windowStart : start,
            timed ? sendStop : end,
            end.secondsSince(sendStop),
            maxSilenceMillis,
            finished));
  }
}
