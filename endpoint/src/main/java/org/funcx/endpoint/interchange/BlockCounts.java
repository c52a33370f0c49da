package org.funcx.endpoint.interchange;

import java.util.List;
import org.funcx.core.wire.Messages.BlockReport;

/**
 * The provider's blocks that have not ended: how many, how many of those are pending, and what
 * each is (at most {@link BlockReport#MAX_PER_HEARTBEAT}); the block scaler takes them, the
 * interchange reports them with its heartbeats to the service.
 */
public record BlockCounts(int active, int pending, List<BlockReport> reports) {
  public static final BlockCounts NONE = new BlockCounts(0, 0, List.of());

  public BlockCounts {
    reports =
        List.copyOf(reports.subList(0, Math.min(reports.size(), BlockReport.MAX_PER_HEARTBEAT)));
  }
}
