package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Recognizing a recorded process: this test's own JVM, recorded as other JVMs would see it. */
class ProcessIdentityTest {
  private static final ProcessHandle SELF = ProcessHandle.current();
  private static final long STARTED =
      SELF.info().startInstant().map(Instant::toEpochMilli).orElseThrow();
  // every JVM's command line names its java binary
  private static final String PROGRAM = "java";

  @Test
  void a_start_read_a_second_apart_by_another_jvm_is_the_same_process() {
    assertThat(new ProcessIdentity(SELF.pid(), STARTED, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), STARTED - 1_000, PROGRAM).isLive()).isTrue();
    assertThat(new ProcessIdentity(SELF.pid(), STARTED + 1_000, PROGRAM).isLive()).isTrue();
  }

  @Test
  void another_start_or_another_program_under_the_same_pid_is_a_stranger() {
    assertThat(new ProcessIdentity(SELF.pid(), STARTED - 60_000, PROGRAM).isLive()).isFalse();
    assertThat(new ProcessIdentity(SELF.pid(), STARTED, "org.example.NotThisProgram").isLive())
        .isFalse();
  }
}
