package org.funcx.core.exec;

import java.util.Map;

/**
 * Defines the classes of exactly one compiled function. One loader per function means two functions
 * may declare helpers with the same name, and an evicted function's classes can be unloaded.
 * Everything else (the JDK, the worker's classpath) is found through the parent.
 */
final class FunctionClassLoader extends ClassLoader {
  static {
    registerAsParallelCapable();
  }

  private final Map<String, byte[]> classFiles;

  FunctionClassLoader(ClassLoader parent, Map<String, byte[]> classFiles) {
    super(parent);
    this.classFiles = Map.copyOf(classFiles);
  }

  @Override
  protected Class<?> findClass(String name) throws ClassNotFoundException {
    byte[] bytes = classFiles.get(name);
    if (bytes == null) throw new ClassNotFoundException(name);
    return defineClass(name, bytes, 0, bytes.length);
  }
}
