package org.funcx.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.List;
import java.util.Properties;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.funcx.deps.RepositorySettings;
import org.funcx.kernel.charts.Charts;
import org.funcx.kernel.display.Rendering;
import org.funcx.kernel.jshell.JShellSession;
import org.funcx.kernel.jshell.QuietStops;
import org.funcx.kernel.jshell.UserThreads;
import org.funcx.kernel.libraries.NotebookLibraries;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.MagicsProvider;
import org.funcx.kernel.spi.MagicsRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the kernel's collaborators: user threads, the JShell, renderers and magics. */
record KernelParts(
    UserThreads threads, JShellSession session, Rendering rendering, NotebookLibraries libraries) {
  /** Imported into every JShell and listed as the user's (they are plain JDK packages). */
  static final List<String> DEFAULT_IMPORTS =
      List.of(
          "import java.io.*;",
          "import java.math.*;",
          "import java.net.*;",
          "import java.nio.file.*;",
          "import java.util.*;",
          "import java.util.concurrent.*;",
          "import java.util.function.*;",
          "import java.util.regex.*;",
          "import java.util.stream.*;");

  /** The cells' display and chart helpers; only meaningful in the kernel, hidden from magics. */
  static final List<String> INTERNAL_IMPORTS =
      List.of(
          "import static " + Notebook.class.getName() + ".*;",
          "import static " + Charts.class.getName() + ".*;");

  static KernelParts start(String classpath) {
    QuietStops.install();
    UserThreads threads = new UserThreads();
    JShellSession session =
        JShellSession.start(threads, classpath, DEFAULT_IMPORTS, INTERNAL_IMPORTS);
    // repositories as for ./funcx up: Central and ~/.m2 unless FUNCX_MAVEN_* say otherwise
    NotebookLibraries libraries =
        new NotebookLibraries(
            session::addToClasspath, () -> RepositorySettings.fromEnvironment(System.getenv()));
    return new KernelParts(
        threads, session, Rendering.discover(KernelParts.class.getClassLoader()), libraries);
  }

  /**
   * Asks every {@link MagicsProvider} on the class path to register its magics. A provider that
   * fails is logged and skipped: one broken module must not take the kernel down.
   */
  MagicsRegistry discoverMagics(KernelContext context) {
    Logger log = LoggerFactory.getLogger(KernelParts.class);
    MagicsRegistry registry = new MagicsRegistry();
    Iterator<MagicsProvider> providers =
        ServiceLoader.load(MagicsProvider.class, KernelParts.class.getClassLoader()).iterator();
    for (int attempts = 0; attempts < 1000; attempts++) { // bounded: a broken entry repeats
      try {
        if (!providers.hasNext()) break;
        providers.next().register(context, registry);
      } catch (RuntimeException | ServiceConfigurationError | LinkageError e) {
        log.error("a magics provider failed to register; its magics are missing", e);
      }
    }
    return registry;
  }

  /** The kernel's version, from the build. */
  static String version() {
    try (InputStream in = KernelParts.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Logs go to the kernel process's stderr (Jupyter's log), warnings and worse only. The stream is
   * captured at start-up because cells replace {@code System.err} with the notebook's.
   */
  static void configureLogging() {
    System.setProperty(
        "org.slf4j.simpleLogger.defaultLogLevel",
        System.getProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn"));
    System.setProperty("org.slf4j.simpleLogger.cacheOutputStream", "true");
    System.setProperty("org.slf4j.simpleLogger.showDateTime", "true");
  }
}
