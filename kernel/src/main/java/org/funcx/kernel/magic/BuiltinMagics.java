package org.funcx.kernel.magic;

import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.MagicsProvider;
import org.funcx.kernel.spi.MagicsRegistry;

/** The kernel's own magics, registered through the same service mechanism as everyone else's. */
public final class BuiltinMagics implements MagicsProvider {
  @Override
  public void register(KernelContext ctx, MagicsRegistry registry) {
    TimeMagic time = new TimeMagic(ctx);
    registry.lineMagic("time", time).cellMagic("time", time);
    ShellMagic shell = new ShellMagic();
    registry.lineMagic("sh", shell).cellMagic("sh", shell);
    registry.lineMagic("maven", new MavenMagic(ctx.libraries()));
    registry.lineMagic("jars", new JarsMagic(ctx.libraries()));
  }
}
