package org.funcx.kernel;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Python suites under src/test/python, run against the kernel on this test class path: Debian's
 * jupyter_kernel_test conformance suite, and our behaviour and interrupt tests through
 * jupyter_client.
 */
class JupyterSuitesTest {
  @TempDir static Path home;
  private static Jupyter jupyter;

  @BeforeAll
  static void kernelspec() throws Exception {
    jupyter = Jupyter.withKernel(home);
  }

  @Test
  void jupyter_kernel_test_conformance_suite_passes() throws Exception {
    // skipped: test_pager and test_clear_output (no pager payloads, no clear_output helper)
    assertSuitePasses("test_conformance", 12, "OK (skipped=2)");
  }

  @Test
  void behaviour_suite_through_jupyter_client_passes() throws Exception {
    assertSuitePasses("test_behaviour", 13, "OK");
  }

  @Test
  void completion_and_inspection_know_the_cells_earlier_declarations_without_running_them()
      throws Exception {
    assertSuitePasses("test_code_assist", 7, "OK");
  }

  @Test
  void images_display_as_png_within_their_bounds() throws Exception {
    assertSuitePasses("test_images", 5, "OK");
  }

  /**
   * The deadline matters: before issue 14, an interrupted busy loop never ended on JDK 20+ and the
   * kernel hung; the suite's own output is printed for the timings of each interrupt.
   */
  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void interrupted_cells_end_within_seconds_and_the_kernel_keeps_its_state() throws Exception {
    jupyter.assertSuitePasses("test_interrupt", 9, "OK", Duration.ofSeconds(200), true);
  }

  private static void assertSuitePasses(String module, int expectedTests, String verdict)
      throws Exception {
    jupyter.assertSuitePasses(module, expectedTests, verdict, Duration.ofSeconds(120), false);
  }
}
