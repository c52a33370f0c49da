package org.funcx.kernel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.funcx.deps.FileRepository;
import org.funcx.kernel.libraries.LocalJars;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code %maven} and {@code %jars} in real kernels through jupyter_client (suite
 * src/test/python/test_libraries.py): artifacts come from a file repository of real jars, read
 * offline through FUNCX_MAVEN_OFFLINE and FUNCX_MAVEN_LOCAL_REPOSITORY as a user would set them;
 * the local jar is compiled here.
 */
class LibraryMagicsTest {
  @TempDir static Path home;
  private static Jupyter jupyter;

  @BeforeAll
  static void kernelspecAndLibraries() throws Exception {
    Path repository = home.resolve("repository");
    new FileRepository(repository)
        .copy("org.apache.commons:commons-lang3:3.12.0")
        .copy("org.apache.commons:commons-math3:3.6.1");
    Path jars = Files.createDirectories(home.resolve("jars"));
    buildGreeterJar(jars.resolve("greeter.jar"));
    Files.writeString(jars.resolve("fake.jar"), "<html>404 Not Found</html>");
    // a directory with one jar more than one %jars may add
    Path many = Files.createDirectories(jars.resolve("many"));
    for (int i = 0; i <= LocalJars.MAX_JARS; i++) emptyJar(many.resolve("lib-" + i + ".jar"));
    jupyter =
        Jupyter.withKernel(
            Files.createDirectories(home.resolve("jupyter")),
            Map.of(
                "FUNCX_MAVEN_OFFLINE",
                "true",
                "FUNCX_MAVEN_LOCAL_REPOSITORY",
                repository.toString(),
                "FUNCX_TEST_JARS",
                jars.toString(),
                "FUNCX_TEST_MAX_JARS",
                String.valueOf(LocalJars.MAX_JARS)));
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void maven_and_jars_add_libraries_cells_use_and_bad_input_is_a_clear_error() throws Exception {
    jupyter.assertSuitePasses("test_libraries", 12, "OK", Duration.ofSeconds(240), true);
  }

  /** demo.Greeter, compiled from source with the JDK's compiler and packed as a jar. */
  private static void buildGreeterJar(Path jar) throws IOException {
    Path src = Files.createDirectories(home.resolve("greeter-src").resolve("demo"));
    Path classes = Files.createDirectories(home.resolve("greeter-classes"));
    Files.writeString(
        src.resolve("Greeter.java"),
        "package demo;\n"
            + "public final class Greeter {\n"
            + "  public static String greet(String who) { return \"hello \" + who; }\n"
            + "}\n");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    int status =
        javac.run(
            null, null, null, "-d", classes.toString(), src.resolve("Greeter.java").toString());
    if (status != 0) throw new IllegalStateException("javac failed: " + status);
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      out.putNextEntry(new JarEntry("demo/Greeter.class"));
      out.write(Files.readAllBytes(classes.resolve("demo").resolve("Greeter.class")));
      out.closeEntry();
    }
  }

  private static void emptyJar(Path jar) throws IOException {
    try (OutputStream file = Files.newOutputStream(jar);
        JarOutputStream out = new JarOutputStream(file)) {
      out.putNextEntry(new JarEntry("empty.txt"));
      out.closeEntry();
    }
  }
}
