package org.funcx.kernel;

import com.google.gson.GsonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.funcx.jvm.JvmFlags;

/**
 * Writes the {@code kernel.json} that lets Jupyter start this kernel:
 * {@code KernelspecInstaller --classpath CP [--user | --prefix P | --dir D] [--name funcx-java]}.
 * {@code --user} (the default) installs for the current user, {@code --prefix P} under
 * {@code P/share/jupyter/kernels/NAME}, {@code --dir D} into the kernelspec directory {@code D}
 * itself (as {@code jupyter kernelspec install D} would read it). Prints the directory written.
 */
public final class KernelspecInstaller {
  static final String DEFAULT_NAME = "funcx-java";
  static final String USAGE =
      "usage: KernelspecInstaller --classpath CP"
          + " [--user | --prefix PREFIX | --dir KERNELSPEC_DIR] [--name NAME]";

  private KernelspecInstaller() {}

  public static void main(String[] args) {
    try {
      System.out.println(install(KernelspecOptions.parse(args)));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
    } catch (IOException e) {
      System.err.println("cannot write the kernelspec: " + e);
      System.exit(1);
    }
  }

  /** Writes kernel.json as the options say; returns the kernelspec directory. */
  public static Path install(KernelspecOptions options) throws IOException {
    Path dir = options.kernelspecDir();
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("kernel.json"), kernelJson(options.classpath()));
    return dir;
  }

  /**
   * The kernelspec: this JVM's java, with the product's {@link JvmFlags}, running
   * {@link FuncxKernel} on {@code classpath}.
   */
  static String kernelJson(String classpath) {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Map<String, Object> spec = new LinkedHashMap<>();
    List<String> argv = new ArrayList<>();
    argv.add(java);
    argv.addAll(JvmFlags.PRODUCT); // what Arrow needs on JDK 17 to 25, first so later flags win
    // headless: charts measure fonts with AWT, which must not reach for a display ($DISPLAY)
    argv.addAll(
        List.of(
            "-XX:+UseSerialGC",
            "-Djava.awt.headless=true",
            "-cp",
            classpath,
            FuncxKernel.class.getName(),
            "{connection_file}"));
    spec.put("argv", argv);
    spec.put("display_name", "Java (funcX)");
    spec.put("language", "java");
    // The kernel handles interrupt_request messages itself; signals would kill the JVM.
    spec.put("interrupt_mode", "message");
    spec.put("metadata", Map.of("debugger", false));
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(spec) + "\n";
  }
}
