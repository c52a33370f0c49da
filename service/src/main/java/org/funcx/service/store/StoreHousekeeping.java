package org.funcx.service.store;

import java.util.function.Supplier;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rewrites sparsely used chunks of the task store file now and then, so that space freed by
 * results being replaced or expired is reused: MVStore's own background writer did this, but it
 * is off (see {@link StoreFile}). One daemon thread, {@code funcx-store-housekeeping}.
 */
final class StoreHousekeeping implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(StoreHousekeeping.class);
  private static final long PERIOD_MILLIS = 5_000;

  /** Chunks below this percentage of live data are rewritten. */
  private static final int TARGET_FILL_RATE = 50;

  private static final int MAX_REWRITE_BYTES = 16 << 20;
  private final Supplier<MVStore> store;
  private final Thread thread;
  private volatile boolean open = true;

  StoreHousekeeping(Supplier<MVStore> store) {
    this.store = store;
    this.thread = new Thread(this::run, "funcx-store-housekeeping");
    thread.setDaemon(true);
    thread.start();
  }

  private void run() {
    while (open) {
      try {
        Thread.sleep(PERIOD_MILLIS);
        MVStore s = store.get();
        if (!s.isClosed()) s.compact(TARGET_FILL_RATE, MAX_REWRITE_BYTES);
      } catch (InterruptedException e) {
        return;
      } catch (RuntimeException e) {
        // A failing disk shows up on the next commit of a caller, who handles it; just go on.
        log.debug("task store compaction skipped: {}", e.toString());
      }
    }
  }

  @Override
  public void close() {
    open = false;
    thread.interrupt();
  }
}
