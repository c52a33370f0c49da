package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two launchers cannot call Java: the {@code ./funcx} script and the test JVMs' argLine in the
 * parent pom. They copy {@link JvmFlags#PRODUCT}; this keeps the copies equal to it.
 */
class JvmFlagsTest {
  private static final Path ROOT = Path.of(System.getProperty("user.dir")).getParent();

  @Test
  void the_funcx_script_and_the_test_jvms_start_with_the_product_flags() throws Exception {
    String script = Files.readString(ROOT.resolve("funcx"));
    String pom = Files.readString(ROOT.resolve("pom.xml"));
    for (String flag : JvmFlags.PRODUCT) {
      assertThat(script).as("./funcx").contains(flag);
      assertThat(pom)
          .as("pom.xml test.jvm.args")
          .containsPattern("<test.jvm.args>[^<]*" + Pattern.quote(flag));
    }
  }

  @Test
  void every_flag_is_accepted_by_the_jvm_running_the_tests() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of(java));
    command.addAll(JvmFlags.PRODUCT);
    command.add("-version");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).doesNotContain("Unrecognized option").doesNotContain("WARNING");
  }
}
