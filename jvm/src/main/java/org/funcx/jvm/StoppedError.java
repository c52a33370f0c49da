package org.funcx.jvm;

/**
 * Thrown at a {@link Checkpoint} of user code whose {@link StopScope} was stopped. An {@link Error}
 * so that ordinary {@code catch (Exception e)} blocks let it through; code that catches it anyway
 * is stopped again at its next checkpoint.
 */
public final class StoppedError extends Error {
  private static final long serialVersionUID = 1L;
  private final transient StopScope scope;

  StoppedError(StopScope scope, String reason) {
    super(scope.name() + " was stopped: " + reason);
    this.scope = scope;
  }

  /** The scope that was stopped (null after deserialization). */
  public StopScope scope() {
    return scope;
  }
}
