package org.funcx.jvm;

/**
 * What instrumented user code calls at every method entry and before every backward jump (see
 * {@link StoppableBytecode}). It must stay tiny: in a tight loop it is one volatile read.
 * Public because user classes in other class loaders call it; it is not meant for people.
 */
public final class Checkpoint {
  /** The owner of the method's name in bytecode, for the instrumenter. */
  static final String OWNER = "org/funcx/jvm/Checkpoint";

  static final String METHOD = "reached";

  private Checkpoint() {}

  /** Throws {@link StoppedError} when the calling thread's {@link StopScope} is stopped. */
  public static void reached() {
    if (StopScope.STOPPING.get() != 0) StopScope.checkCurrentThread();
  }
}
