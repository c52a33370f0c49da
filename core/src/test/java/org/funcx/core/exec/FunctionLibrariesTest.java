package org.funcx.core.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.funcx.core.exec.TestFunctions.result;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.junit.jupiter.api.Test;

/** Functions with their own jars: real Gson and Commons Lang jars from the local repository. */
class FunctionLibrariesTest {
  private static final Path M2 = Path.of(System.getProperty("user.home"), ".m2", "repository");

  /** Which Gson the function sees, from the manifest of the jar its Gson class came from. */
  static final String GSON_VERSION =
      """
      //DEPS com.google.code.gson:gson:X
      String gsonVersion() throws Exception {
        java.net.URL jar = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(new java.io.File(jar.toURI()))) {
          return f.getManifest().getMainAttributes().getValue("Bundle-Version")
              + " " + new com.google.gson.Gson().toJson(java.util.List.of(1, 2));
        }
      }
      """;

  private static Path gson(String version) {
    Path jar = M2.resolve("com/google/code/gson/gson/" + version + "/gson-" + version + ".jar");
    assertThat(jar).exists();
    return jar;
  }

  private static FunctionSpec spec(String entry, String source, String dep) {
    return FunctionSpec.of(entry, source, List.of(dep));
  }

  @Test
  void aFunctionGetsItsOwnGsonNotTheWorkers() throws Exception {
    FunctionCompiler compiler = new FunctionCompiler();
    try (FunctionLibraries old =
            FunctionLibraries.isolated("gson-2.10.1", List.of(gson("2.10.1")));
        FunctionLibraries newer =
            FunctionLibraries.isolated("gson-2.11.0", List.of(gson("2.11.0")))) {
      CompiledFunction a =
          compiler.compile(
              spec("gsonVersion", GSON_VERSION, "com.google.code.gson:gson:2.10.1"), old);
      CompiledFunction b =
          compiler.compile(
              spec("gsonVersion", GSON_VERSION, "com.google.code.gson:gson:2.11.0"), newer);
      // side by side in one JVM whose own Gson is another version again
      assertThat(result(a, "[]")).isEqualTo("\"2.10.1 [1,2]\"");
      assertThat(result(b, "[]")).isEqualTo("\"2.11.0 [1,2]\"");
      assertThat(
              com.google.gson.Gson.class
                  .getProtectionDomain()
                  .getCodeSource()
                  .getLocation()
                  .toString())
          .doesNotContain("2.10.1")
          .doesNotContain("2.11.0");
    }
  }

  @Test
  void theWorkersClassPathIsHiddenFromAFunctionWithLibraries() throws Exception {
    Path lang3 = M2.resolve("org/apache/commons/commons-lang3/3.12.0/commons-lang3-3.12.0.jar");
    assertThat(Files.exists(lang3)).isTrue();
    try (FunctionLibraries libs = FunctionLibraries.isolated("lang3", List.of(lang3))) {
      CompiledFunction ok =
          new FunctionCompiler()
              .compile(
                  spec(
                      "cap",
                      """
          String cap(String s) {
            int spins = 0;
            for (int i = 0; i < 1000; i++) spins++;   // loops carry stop checkpoints
            return org.apache.commons.lang3.StringUtils.capitalize(s) + spins;
          }
          """,
                      "org.apache.commons:commons-lang3:3.12.0"),
                  libs);
      assertThat(result(ok, "[\"hello\"]")).isEqualTo("\"Hello1000\"");
      // Gson is on the worker's class path, but not among this function's libraries
      assertThatThrownBy(
              () ->
                  new FunctionCompiler()
                      .compile(
                          spec(
                              "g",
                              "String g() { return new com.google.gson.Gson().toJson(1); }",
                              "org.apache.commons:commons-lang3:3.12.0"),
                          libs))
          .isInstanceOfSatisfying(
              FunctionCompileException.class,
              e -> assertThat(e.error().kind()).isEqualTo(ErrorKind.COMPILE_ERROR));
    }
  }
}
