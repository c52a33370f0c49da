package org.funcx.endpoint.interchange;

import org.funcx.core.wire.Messages.RegisterManager;
import org.slf4j.Logger;

/**
 * Logs refused manager registrations at most once a second, saying how many were not logged in
 * between, with the ids they claim cut short: a stranger sending registrations in a loop must not
 * fill the agent's log. Interchange thread only.
 */
final class RefusalLog {
  static final long INTERVAL_MILLIS = 1_000;
  static final int MAX_ID_CHARS = 100;
  private final Logger log;
  private long nextLineMillis;
  private long unlogged;

  RefusalLog(Logger log) {
    this.log = log;
  }

  void refused(RegisterManager info, String reason, long now) {
    if (now < nextLineMillis) {
      unlogged++;
      return;
    }
    log.warn(
        "refused the registration of manager {} for block {}: {}{}",
        cut(info.managerId()),
        cut(info.blockId()),
        reason,
        unlogged == 0 ? "" : " (and " + unlogged + " more since the last such line)");
    unlogged = 0;
    nextLineMillis = now + INTERVAL_MILLIS;
  }

  private static String cut(String id) {
    return id == null || id.length() <= MAX_ID_CHARS
        ? id
        : id.substring(0, MAX_ID_CHARS) + "[… " + (id.length() - MAX_ID_CHARS) + " more]";
  }
}
