package org.funcx.kernel;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Where and what {@link KernelspecInstaller} writes.
 *
 * @param classpath the kernel's class path (this module and everything it should load)
 * @param kernelspecDir the directory that receives kernel.json
 */
public record KernelspecOptions(String classpath, Path kernelspecDir) {
  static KernelspecOptions parse(String[] args) {
    String classpath = null;
    String name = KernelspecInstaller.DEFAULT_NAME;
    String location = "--user";
    String locationValue = null;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "--classpath" -> classpath = value(args, ++i, arg);
        case "--name" -> name = value(args, ++i, arg);
        case "--user" -> location = arg;
        case "--prefix", "--dir" -> {
          location = arg;
          locationValue = value(args, ++i, arg);
        }
        default -> throw new IllegalArgumentException("unknown argument: " + arg);
      }
    }
    if (classpath == null || classpath.isBlank()) {
      throw new IllegalArgumentException("--classpath is required");
    }
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException(
          "a kernel name is letters, digits, '.', '_', '-': " + name);
    }
    Path dir =
        switch (location) {
          case "--prefix" -> Path.of(locationValue, "share", "jupyter", "kernels", name);
          case "--dir" -> Path.of(locationValue);
          default -> userKernelsDir().resolve(name);
        };
    return new KernelspecOptions(absolute(classpath), dir.toAbsolutePath());
  }

  /** Jupyter's per-user data directory: $JUPYTER_DATA_DIR, else the platform's default. */
  static Path userKernelsDir() {
    String dataDir = System.getenv("JUPYTER_DATA_DIR");
    if (dataDir != null && !dataDir.isBlank()) return Path.of(dataDir, "kernels");
    Path home = Path.of(System.getProperty("user.home"));
    if (System.getProperty("os.name", "").startsWith("Mac")) {
      return home.resolve("Library/Jupyter/kernels");
    }
    String xdg = System.getenv("XDG_DATA_HOME");
    Path data = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".local/share");
    return data.resolve("jupyter/kernels");
  }

  /** Jupyter starts kernels in the notebook's directory: relative entries would break. */
  static String absolute(String classpath) {
    return Arrays.stream(classpath.split(File.pathSeparator))
        .filter(e -> !e.isBlank())
        .map(e -> Path.of(e).toAbsolutePath().normalize().toString())
        .collect(Collectors.joining(File.pathSeparator));
  }

  private static String value(String[] args, int at, String option) {
    if (at >= args.length) throw new IllegalArgumentException(option + " needs a value");
    return args[at];
  }
}
