package org.funcx.core.wire;

/**
 * How many heartbeat periods of silence make a peer count as lost, on each link: one place for
 * the rule (the README's Limits table quotes it).
 */
public final class Liveness {
  /**
   * Forwarder ⇄ agent: each side gives the other up after 5 silent beats (the agent then
   * connects again; the forwarder keeps the endpoint's tasks for it). Managers wait for their
   * interchange as long: a manager exits orphaned after {@code max(10 s, 5 beats)}.
   */
  public static final int SERVICE_LINK_BEATS = 5;

  /**
   * Interchange ⇄ manager: a manager silent for 3 beats is given up and its tasks requeued
   * sooner than a whole endpoint would be (a local link; its tasks wait on the verdict). If it
   * was only paused, it registers again and its late answers still count.
   */
  public static final int MANAGER_LINK_BEATS = 3;

  private Liveness() {}
}
