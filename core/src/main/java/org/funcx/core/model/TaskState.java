package org.funcx.core.model;

import java.util.Locale;

/** Life cycle of a task, in the order a task normally passes through the states. */
public enum TaskState {
  /** Stored by the service, not yet queued for an endpoint. */
  RECEIVED,
  /** Queued at the service until its endpoint is connected and acknowledges it. */
  WAITING_FOR_ENDPOINT,
  /** Acknowledged by the endpoint, queued until a manager has a free worker slot. */
  WAITING_FOR_NODES,
  /** Handed to a manager whose workers run it. */
  RUNNING,
  SUCCESS,
  FAILED,
  CANCELLED;

  /** True once the task can never change state again. */
  public boolean isTerminal() {
    return this == SUCCESS || this == FAILED || this == CANCELLED;
  }

  /** The name used on the wire and in the REST API, e.g. {@code waiting-for-endpoint}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static TaskState fromWireName(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT).replace('-', '_'));
  }
}
