package org.funcx.endpoint.interchange;

/** News from the provider to the interchange thread. */
public sealed interface ProviderEvent {
  /** A block ended; its managers' tasks need not wait for missed heartbeats. */
  record BlockEnded(String blockId, String reason) implements ProviderEvent {}

  /** The agent is stopping. */
  record Stop() implements ProviderEvent {}
}
