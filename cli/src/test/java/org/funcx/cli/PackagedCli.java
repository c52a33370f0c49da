package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** For integration tests whose notebooks run {@code ../funcx} as a user would. */
final class PackagedCli {
  private PackagedCli() {}

  /**
   * Checks the package phase of this build made the distribution ./funcx runs, and marks it
   * built (as scripts/test does after verify) so that ./funcx does not start a nested Maven build.
   */
  static void ready() throws Exception {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      assertThat(files.anyMatch(p -> p.getFileName().toString().matches("funcx-cli-.*\\.jar")))
          .as("cli jar built by package before the integration tests")
          .isTrue();
    }
    assertThat(Path.of("target", "lib")).as("runtime libraries copied by package").isDirectory();
    Files.writeString(Path.of("target", ".funcx-built"), "");
  }
}
