package org.funcx.kernel;

/**
 * Library code (not a JShell snippet, so not instrumented) that loops ignoring interrupts, as a
 * badly behaved library would: test_interrupt.py calls it from a cell to check that the kernel
 * gives up on the thread and stays usable.
 */
public final class IgnoresInterrupts {
  private static volatile boolean released;

  private IgnoresInterrupts() {}

  /** Loops until {@link #release()}; sleeps between checks so the test does not burn a core. */
  public static void loop() {
    released = false;
    while (!released) {
      try {
        Thread.sleep(20);
      } catch (InterruptedException ignored) {
        // deliberately ignored: that is the behaviour under test
      }
    }
  }

  public static void release() {
    released = true;
  }
}
