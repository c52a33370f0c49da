package org.funcx.endpoint.manager;

/**
 * The accelerator id (from the endpoint's {@code availableAccelerators}) bound to the current
 * worker thread, set once when the worker starts; a worker that replaces a written-off one takes
 * over its id. Shell tasks the worker runs see it as {@code CUDA_VISIBLE_DEVICES}.
 */
final class WorkerAccelerator {
  /** The environment variable CUDA (and ROCm's HIP, through its CUDA compatibility) reads. */
  static final String VARIABLE = "CUDA_VISIBLE_DEVICES";

  private static final ThreadLocal<String> BOUND = new ThreadLocal<>();

  private WorkerAccelerator() {}

  static void bind(String id) {
    BOUND.set(id);
  }

  /** The calling worker's id; null when the endpoint lists no accelerators. */
  static String current() {
    return BOUND.get();
  }
}
