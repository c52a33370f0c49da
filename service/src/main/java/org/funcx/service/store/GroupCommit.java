package org.funcx.service.store;

/**
 * Commits with fsync, shared by whoever asks at the same time: a caller whose changes are already
 * in the store asks for a commit; if one is running, it waits for the next round, which covers
 * every caller that asked meanwhile. So N concurrent requests cost about two syncs, not N, and no
 * caller returns before its own changes are on disk (acknowledged means durable).
 *
 * <p>A failed round advances nothing: its waiters retry as leaders, each getting its own failure.
 */
final class GroupCommit {
  private final Runnable commitAndSync;
  private long requested;
  private long durable;
  private boolean running;
  private long rounds;

  /** @param commitAndSync writes the store's changes and forces them to the device */
  GroupCommit(Runnable commitAndSync) {
    this.commitAndSync = commitAndSync;
  }

  /** Returns once everything written to the store before this call is durable. */
  void commit() {
    long covers;
    synchronized (this) {
      long ticket = ++requested;
      while (true) {
        if (durable >= ticket) return;
        if (!running) break;
        try {
          wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new StoreException("interrupted waiting for the task store to sync", e);
        }
      }
      running = true;
      covers = requested; // every caller counted so far wrote its changes before asking
    }
    boolean synced = false;
    try {
      commitAndSync.run();
      synced = true;
    } finally {
      synchronized (this) {
        running = false;
        if (synced) {
          durable = Math.max(durable, covers);
          rounds++;
        }
        notifyAll();
      }
    }
  }

  /** Rounds run so far (each one commit and one sync), for tests and figures. */
  synchronized long rounds() {
    return rounds;
  }
}
