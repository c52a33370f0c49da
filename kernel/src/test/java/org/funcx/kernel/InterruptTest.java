package org.funcx.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interrupts through Debian's jupyter_client (src/test/python/test_interrupt.py). The deadline
 * matters: before issue 14, an interrupted busy loop never ended on JDK 20+ and the kernel hung.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InterruptTest {
  @TempDir static Path home;
  private static Jupyter jupyter;

  @BeforeAll
  static void kernelspec() throws Exception {
    jupyter = Jupyter.withKernel(home);
  }

  @Test
  void interrupted_cells_end_within_seconds_and_the_kernel_keeps_its_state() throws Exception {
    jupyter.assertSuitePasses("test_interrupt", 9, "OK", Duration.ofSeconds(200), true);
  }
}
