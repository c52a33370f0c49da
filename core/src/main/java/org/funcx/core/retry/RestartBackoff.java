package org.funcx.core.retry;

/**
 * How long to wait before starting again something that failed {@code n} times in a row: 1 s
 * after the first failure, doubling up to 60 s. One policy for everything funcX restarts by
 * itself (an endpoint's blocks, the service and agents under their supervisor), so that nothing
 * that cannot start spins in a tight loop and nothing waits more than a minute once it could.
 */
public final class RestartBackoff {
  public static final long FIRST_MILLIS = 1_000;
  public static final long MAX_MILLIS = 60_000;

  private RestartBackoff() {}

  /** The pause after {@code failuresInARow} failures; 0 when there were none. */
  public static long delayMillis(int failuresInARow) {
    if (failuresInARow <= 0) return 0;
    return Math.min(MAX_MILLIS, FIRST_MILLIS << Math.min(20, failuresInARow - 1));
  }
}
