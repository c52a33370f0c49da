package org.funcx.service.store;

/**
 * A submission would take a user or an endpoint past its limit of unfinished tasks; nothing of it
 * was stored. Carries which quota, whose, the limit, the count before the submission and how many
 * tasks the submission adds.
 */
public final class QuotaExceededException extends RuntimeException {
  /** Which of the two quotas was crossed. */
  public enum Quota {
    USER,
    ENDPOINT
  }

  private final Quota quota;
  private final String id;
  private final long limit;
  private final long current;
  private final long requested;

  QuotaExceededException(Quota quota, String id, long limit, long current, long requested) {
    super(
        (quota == Quota.USER ? "user " : "endpoint ")
            + id
            + " has "
            + current
            + " unfinished tasks; "
            + requested
            + " more would exceed its limit of "
            + limit);
    this.quota = quota;
    this.id = id;
    this.limit = limit;
    this.current = current;
    this.requested = requested;
  }

  public Quota quota() {
    return quota;
  }

  /** The user's subject or the endpoint's id. */
  public String id() {
    return id;
  }

  public long limit() {
    return limit;
  }

  public long current() {
    return current;
  }

  public long requested() {
    return requested;
  }
}
