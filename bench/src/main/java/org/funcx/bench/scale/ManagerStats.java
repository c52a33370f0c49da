package org.funcx.bench.scale;

import java.util.concurrent.atomic.LongAdder;
import org.funcx.bench.sim.HeartbeatGaps;

/** What all simulated managers observed together; updated from their loop threads. */
final class ManagerStats {
  final HeartbeatGaps interchangeBeats = new HeartbeatGaps();

  /** Managers the interchange told to shut down: it had declared them lost. */
  final LongAdder shutDown = new LongAdder();

  /** RESULTS messages a full queue refused; the tasks in them never complete. */
  final LongAdder sendFailures = new LongAdder();

  final LongAdder malformed = new LongAdder();
}
