package org.funcx.jvm;

/**
 * What one {@link StopScope} printed: the tails of its {@code System.out} and {@code System.err}
 * (see {@link ScopedStdio}), each bounded to its limit while writing.
 */
public final class CapturedOutput {
  private final OutputTail out;
  private final OutputTail err;

  /** @param limitPerStream bytes kept of each stream (the last ones) */
  public CapturedOutput(int limitPerStream) {
    this.out = new OutputTail(limitPerStream);
    this.err = new OutputTail(limitPerStream);
  }

  public OutputTail out() {
    return out;
  }

  public OutputTail err() {
    return err;
  }

  /** True while nothing was printed to either stream. */
  public boolean isEmpty() {
    return out.isEmpty() && err.isEmpty();
  }

  /** The kept standard output, or null when nothing was printed to it. */
  public String stdout() {
    return out.isEmpty() ? null : out.text();
  }

  /** The kept standard error, or null when nothing was printed to it. */
  public String stderr() {
    return err.isEmpty() ? null : err.text();
  }
}
