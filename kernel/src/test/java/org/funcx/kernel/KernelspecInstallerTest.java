package org.funcx.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import org.funcx.jvm.JvmFlags;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelspecInstallerTest {
  @TempDir Path temp;

  @Test
  void kernel_json_runs_this_java_with_the_product_flags_first_and_an_absolute_classpath()
      throws Exception {
    Path dir =
        KernelspecInstaller.install(
            KernelspecOptions.parse(
                new String[] {
                  "--classpath", "lib/a.jar:/opt/b.jar", "--dir", temp.resolve("spec").toString()
                }));
    JsonObject spec =
        JsonParser.parseString(Files.readString(dir.resolve("kernel.json"))).getAsJsonObject();
    assertThat(spec.get("display_name").getAsString()).isEqualTo("Java (funcX)");
    assertThat(spec.get("language").getAsString()).isEqualTo("java");
    assertThat(spec.get("interrupt_mode").getAsString()).isEqualTo("message");
    var argv = spec.getAsJsonArray("argv").asList().stream().map(e -> e.getAsString()).toList();
    assertThat(argv.get(0))
        .isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // the product's flags, in order, right after java: they open java.nio for Arrow on 17 to 25
    assertThat(argv.subList(1, 1 + JvmFlags.PRODUCT.size())).isEqualTo(JvmFlags.PRODUCT);
    assertThat(argv)
        .contains(
            "--add-opens=java.base/java.nio=ALL-UNNAMED", "--sun-misc-unsafe-memory-access=allow")
        .containsSubsequence("-cp", "org.funcx.kernel.FuncxKernel", "{connection_file}");
    assertThat(argv).filteredOn(a -> a.startsWith("--add-opens")).hasSize(1);
    assertThat(argv).contains("-Djava.awt.headless=true");
    String classpath = argv.get(argv.indexOf("-cp") + 1);
    assertThat(classpath).isEqualTo(Path.of("lib/a.jar").toAbsolutePath() + ":/opt/b.jar");
  }

  @Test
  void prefix_and_name_choose_the_standard_kernels_directory() {
    KernelspecOptions options =
        KernelspecOptions.parse(
            new String[] {"--classpath", "x.jar", "--prefix", "/usr/local", "--name", "other"});
    assertThat(options.kernelspecDir())
        .isEqualTo(Path.of("/usr/local/share/jupyter/kernels/other"));
    assertThat(
            KernelspecOptions.parse(new String[] {"--classpath", "x.jar"})
                .kernelspecDir()
                .toString())
        .endsWith("/jupyter/kernels/funcx-java");
  }

  @Test
  void missing_classpath_unknown_options_and_bad_names_are_refused() {
    assertThatThrownBy(() -> KernelspecOptions.parse(new String[] {"--user"}))
        .hasMessageContaining("--classpath is required");
    assertThatThrownBy(() -> KernelspecOptions.parse(new String[] {"--classpath", "x", "--sys"}))
        .hasMessageContaining("unknown argument: --sys");
    assertThatThrownBy(
            () -> KernelspecOptions.parse(new String[] {"--classpath", "x", "--name", "a/b"}))
        .hasMessageContaining("a kernel name");
    assertThatThrownBy(() -> KernelspecOptions.parse(new String[] {"--classpath"}))
        .hasMessageContaining("--classpath needs a value");
  }
}
