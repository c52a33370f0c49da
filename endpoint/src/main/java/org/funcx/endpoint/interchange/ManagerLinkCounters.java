package org.funcx.endpoint.interchange;

import java.util.concurrent.atomic.AtomicLong;

/**
 * What the interchange refused from authenticated managers, for logs, tests and status: written
 * by the interchange thread, read from any thread.
 */
public final class ManagerLinkCounters {
  final AtomicLong registrations = new AtomicLong();
  final AtomicLong refusedRegistrations = new AtomicLong();
  final AtomicLong foreignResults = new AtomicLong();
  final AtomicLong withdrawnKeyMessages = new AtomicLong();
  final AtomicLong lostManagers = new AtomicLong();

  /** Managers that registered (a manager registering again counts again). */
  public long registrations() {
    return registrations.get();
  }

  /** Registrations refused: bad fields, or a block id other than the one the key was issued to. */
  public long refusedRegistrations() {
    return refusedRegistrations.get();
  }

  /** Results dropped because their task was not dispatched to the manager that sent them. */
  public long foreignResults() {
    return foreignResults.get();
  }

  /** Managers given up on: silent past their heartbeats, unreachable, or their block ended. */
  public long lostManagers() {
    return lostManagers.get();
  }

  /** Messages dropped from connections whose key was withdrawn (their block ended). */
  public long withdrawnKeyMessages() {
    return withdrawnKeyMessages.get();
  }
}
