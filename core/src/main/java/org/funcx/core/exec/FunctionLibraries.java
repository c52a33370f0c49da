package org.funcx.core.exec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

/**
 * The jars one dependency set (plus a site's class path) puts under a function, and the class
 * loader that holds them. Functions compiled against it see the JDK, these jars and the stop
 * checkpoints, not the worker's class path: two sets with conflicting versions of a library load
 * side by side in one JVM. One instance per set, shared by every function declaring that set.
 */
public final class FunctionLibraries implements AutoCloseable {
  private final List<Path> jars;
  private final URLClassLoader loader;

  private FunctionLibraries(String name, List<Path> jars) {
    this.jars = List.copyOf(jars);
    URL[] urls = new URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      try {
        urls[i] = jars.get(i).toUri().toURL();
      } catch (MalformedURLException e) {
        throw new IllegalArgumentException("not a jar path: " + jars.get(i), e);
      }
    }
    this.loader = new URLClassLoader(name, urls, FunctionApiLoader.INSTANCE);
  }

  /**
   * @param name names the class loader in stack traces and heap dumps, e.g. the set's coordinates
   * @param jars class path order: the first jar holding a class wins
   */
  public static FunctionLibraries isolated(String name, List<Path> jars) {
    return new FunctionLibraries(name, jars);
  }

  public List<Path> jars() {
    return jars;
  }

  /**
   * The set's class loader: functions compiled against the set load under it, and their tasks run
   * with it as the thread's context class loader (libraries that look up services through it find
   * their own, not the worker's).
   */
  public ClassLoader classLoader() {
    return loader;
  }

  @Override
  public void close() {
    try {
      loader.close();
    } catch (IOException e) {
      throw new UncheckedIOException("closing the jars of " + loader.getName(), e);
    }
  }

  @Override
  public String toString() {
    return loader.getName() + " " + jars;
  }
}
