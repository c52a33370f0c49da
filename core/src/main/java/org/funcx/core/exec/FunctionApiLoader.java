package org.funcx.core.exec;

import org.funcx.jvm.StoppableBytecode;

/**
 * The parent of every function that brings its own libraries: the platform class loader (the JDK)
 * plus only what compiled function code itself calls into, the stop checkpoints of
 * {@code org.funcx.jvm} that {@link StoppableBytecode} weaves in. Nothing else of the worker's class
 * path shows through, so a function's Gson, SLF4J or Arrow is its own, not the manager's.
 */
final class FunctionApiLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  static final FunctionApiLoader INSTANCE = new FunctionApiLoader();
  private static final String API_PACKAGE = "org.funcx.jvm.";
  private final ClassLoader product = StoppableBytecode.class.getClassLoader();

  private FunctionApiLoader() {
    super("funcx-function-api", ClassLoader.getPlatformClassLoader());
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    // the worker's own classes, so a checkpoint sees the same StopScope the worker stops
    if (name.startsWith(API_PACKAGE)) return product.loadClass(name);
    throw new ClassNotFoundException(name);
  }
}
