package org.funcx.bench.service;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import org.funcx.bench.sim.HeartbeatGaps;

/** What all simulated endpoint agents observed together; updated from their loop threads. */
final class AgentStats {
  final AtomicInteger registered = new AtomicInteger();
  final HeartbeatGaps serviceBeats = new HeartbeatGaps();
  final LongAdder tasks = new LongAdder();
  final LongAdder resultsAcknowledged = new LongAdder();

  /** RECONNECT answers: the forwarder had dropped the link. */
  final LongAdder reconnects = new LongAdder();

  final LongAdder rejected = new LongAdder();
  final LongAdder sendFailures = new LongAdder();
}
