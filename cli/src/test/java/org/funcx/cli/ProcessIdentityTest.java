package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recognizing a recorded process: this test's own JVM, recorded as other JVMs would see it. */
class ProcessIdentityTest {
  private static final ProcessHandle SELF = ProcessHandle.current();
  private static final long STARTED =
      SELF.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
  private static final long TICKS = ProcessIdentity.startTicks(SELF.pid()).orElseThrow();
  // every JVM's command line names its java binary
  private static final String PROGRAM = "java";

  @Test
  void the_kernels_start_ticks_decide_whatever_instant_a_jvm_derived() {
    assertThat(ProcessIdentity.of(SELF.pid(), PROGRAM).startTicks()).isEqualTo(TICKS);
    // another JVM's boot time may be seconds off after a clock step: the ticks still match
    assertThat(new ProcessIdentity(SELF.pid(), TICKS, STARTED - 60_000, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), TICKS - 1, STARTED, PROGRAM).isLive()).isFalse();
    assertThat(
            new ProcessIdentity(SELF.pid(), TICKS, STARTED, "org.example.NotThisProgram").isLive())
        .isFalse();
  }

  @Test
  void without_ticks_a_start_read_a_second_apart_by_another_jvm_is_the_same_process() {
    assertThat(new ProcessIdentity(SELF.pid(), 0, STARTED, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), 0, STARTED - 1_000, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), 0, STARTED + 1_000, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), 0, STARTED - 60_000, PROGRAM).isLive()).isFalse();
  }

  @Test
  void a_command_name_with_spaces_and_parentheses_does_not_shift_the_fields(@TempDir Path dir)
      throws Exception {
    // the kernel's command name is the executed file's name: here "x) (y z"
    Path odd = Files.createSymbolicLink(dir.resolve("x) (y z"), Path.of("/bin/sleep"));
    Process process = new ProcessBuilder(odd.toString(), "30").start();
    try {
      long ticks = ProcessIdentity.startTicks(process.pid()).orElseThrow();
      assertThat(ticks).isGreaterThanOrEqualTo(TICKS);
      assertThat(ProcessIdentity.of(process.pid(), "(y z").isLive()).isTrue();
    } finally {
      process.destroyForcibly();
    }
  }
}
