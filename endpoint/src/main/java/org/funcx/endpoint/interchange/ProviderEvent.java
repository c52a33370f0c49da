package org.funcx.endpoint.interchange;

/** News from the provider to the interchange thread. */
public sealed interface ProviderEvent {
  /** A manager process ended; its tasks need not wait for missed heartbeats. */
  record ManagerExited(String managerId, int exitCode) implements ProviderEvent {}

  /** The agent is stopping. */
  record Stop() implements ProviderEvent {}
}
