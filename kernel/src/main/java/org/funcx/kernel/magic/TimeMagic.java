package org.funcx.kernel.magic;

import java.util.Locale;
import org.funcx.kernel.spi.CellMagic;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicUsageException;

/**
 * {@code %time EXPRESSION} and {@code %%time} (whole cell): runs Java code, prints how long it
 * took, and returns its value. Small on purpose: the kernel's own example of the magics SPI.
 */
public final class TimeMagic implements LineMagic, CellMagic {
  static final String USAGE = "usage: %time JAVA_CODE   or a cell starting with %%time";
  private final KernelContext ctx;

  public TimeMagic(KernelContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Object eval(String args) {
    if (args.isBlank()) throw new MagicUsageException("%time needs code to run", USAGE);
    return timed(args);
  }

  @Override
  public Object eval(String args, String body) {
    if (!args.isBlank()) throw new MagicUsageException("%%time takes no arguments", USAGE);
    return timed(body);
  }

  private Object timed(String code) {
    long start = System.nanoTime();
    try {
      return ctx.eval(code);
    } finally {
      System.out.println(
          String.format(Locale.ROOT, "Wall time: %.1f ms", (System.nanoTime() - start) / 1e6));
    }
  }
}
