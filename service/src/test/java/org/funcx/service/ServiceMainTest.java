package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.funcx.service.store.UnfinishedTaskQuotas;
import org.junit.jupiter.api.Test;

/** The service's command line: the quota and metrics options reach the configuration. */
class ServiceMainTest {
  @Test
  void queue_limits_default_and_come_from_their_options() {
    assertThat(ServiceMain.parse(new String[0]).queueLimits())
        .isEqualTo(UnfinishedTaskQuotas.Limits.DEFAULT);
    assertThat(ServiceMain.parse(new String[] {"--max-queued-tasks-per-user", "50",
        "--max-queued-tasks-per-endpoint", "80"}).queueLimits())
        .isEqualTo(new UnfinishedTaskQuotas.Limits(50, 80));
    assertThatThrownBy(() -> ServiceMain.parse(new String[] {"--max-queued-tasks-per-user", "0"}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
  }

  @Test
  void the_metrics_token_file_comes_from_its_option() {
    // FUNCX_METRICS_TOKEN_FILE is the environment's way; the option wins over it.
    assertThat(ServiceMain.parse(new String[] {"--metrics-token-file", "/etc/funcx/token"})
        .metricsTokenFile()).isEqualTo(java.nio.file.Path.of("/etc/funcx/token"));
  }
}
