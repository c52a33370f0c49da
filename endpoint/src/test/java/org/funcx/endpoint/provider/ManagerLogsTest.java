package org.funcx.endpoint.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManagerLogsTest {
  @TempDir Path dir;

  @Test
  void the_error_a_jvm_printed_last_is_found_in_a_long_log() throws Exception {
    Path log = ManagerLogs.path(dir, "local-3");
    StringBuilder text = new StringBuilder("Exception in an old task\n");
    for (int i = 0; i < 10_000; i++) text.append("[main] INFO something ").append(i).append('\n');
    text.append("Terminating due to java.lang.OutOfMemoryError: Java heap space\n");
    Files.writeString(log, text);
    assertThat(ManagerLogs.lastError(log))
        .contains("Terminating due to java.lang.OutOfMemoryError: Java heap space");
    Files.writeString(log, "Error occurred during initialization of VM\nToo small maximum heap\n");
    assertThat(ManagerLogs.lastError(log))
        .contains("Error occurred during initialization of VM | Too small maximum heap");
    assertThat(ManagerLogs.lastError(dir.resolve("missing.log"))).isEmpty();
  }

  @Test
  void only_the_newest_logs_are_kept() throws Exception {
    for (int i = 0; i < 30; i++) Files.writeString(ManagerLogs.path(dir, "local-" + i), "x");
    Files.writeString(dir.resolve("agent.log"), "x");
    ManagerLogs.keepLatest(dir, 30 - LocalProvider.KEPT_LOGS);
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .hasSize(LocalProvider.KEPT_LOGS + 1)
          .contains("agent.log", "manager-local-10.log", "manager-local-29.log")
          .doesNotContain("manager-local-9.log");
    }
  }
}
