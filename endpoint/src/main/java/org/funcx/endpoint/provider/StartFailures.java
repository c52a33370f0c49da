package org.funcx.endpoint.provider;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.funcx.core.retry.RestartBackoff;

/**
 * Counts blocks that ended before any of their managers connected, in a row, and spaces new
 * blocks out by {@link RestartBackoff}. A block that connects resets the count. Block-scaler
 * thread only.
 */
final class StartFailures {
  private final Set<String> connected = new HashSet<>();
  private final Set<String> counted = new HashSet<>();
  private int inARow;
  private String lastDetail = "";
  private long retryAt;

  /** Takes in the provider's blocks and the blocks whose managers are connected now. */
  void observe(List<BlockStatus> blocks, Collection<String> connectedNow, long now) {
    Set<String> present = new HashSet<>();
    blocks.forEach(b -> present.add(b.blockId()));
    connected.retainAll(present);
    counted.retainAll(present);
    for (String id : connectedNow) {
      if (connected.add(id)) inARow = 0;
    }
    for (BlockStatus b : blocks) {
      // cancelled: scaled in or cancelled by a person, not a failure of the block itself
      if (!b.ended()
          || "cancelled".equals(b.state())
          || connected.contains(b.blockId())
          || !counted.add(b.blockId())) {
        continue;
      }
      inARow++;
      lastDetail = b.detail();
      retryAt = now + RestartBackoff.delayMillis(inARow);
    }
  }

  /** No new block before this time. */
  long retryAtMillis() {
    return inARow == 0 ? 0 : retryAt;
  }

  int inARow() {
    return inARow;
  }

  /** A sentence for people; null while blocks start fine. */
  String problem(long now) {
    if (inARow == 0) return null;
    long wait = Math.max(0, retryAt - now);
    return inARow
        + (inARow == 1 ? " block" : " blocks in a row")
        + " ended before a manager"
        + " connected; the last: "
        + lastDetail
        + "; next try in "
        + (wait + 999) / 1000
        + " s";
  }
}
