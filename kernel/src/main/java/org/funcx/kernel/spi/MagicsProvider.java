package org.funcx.kernel.spi;

/**
 * Contributes magics to the kernel. Implementations are found with {@link java.util.ServiceLoader}
 * (list them in {@code META-INF/services/org.funcx.kernel.spi.MagicsProvider}) so that modules with
 * heavy dependencies, such as the funcX client, stay out of the kernel itself.
 */
public interface MagicsProvider {
  /**
   * Called once at kernel start-up, before any cell runs.
   *
   * @param ctx what magics may do with the notebook: read snippets, evaluate code, set variables,
   *     display values; keep it for use when the magic runs
   * @param registry where to register line ({@code %name}) and cell ({@code %%name}) magics
   */
  void register(KernelContext ctx, MagicsRegistry registry);
}
