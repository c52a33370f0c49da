package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.funcx.service.store.UnfinishedTaskQuotas;
import org.junit.jupiter.api.Test;

/** The service's command line: options reach the configuration; bad ones say which. */
class ServiceMainTest {
  @Test
  void queue_limits_default_and_come_from_their_options() {
    assertThat(ServiceMain.parse(new String[0]).queueLimits())
        .isEqualTo(UnfinishedTaskQuotas.Limits.DEFAULT);
    assertThat(
            ServiceMain.parse(
                    new String[] {
                      "--max-queued-tasks-per-user", "50", "--max-queued-tasks-per-endpoint", "80"
                    })
                .queueLimits())
        .isEqualTo(new UnfinishedTaskQuotas.Limits(50, 80));
    assertThatThrownBy(() -> ServiceMain.parse(new String[] {"--max-queued-tasks-per-user", "0"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 1");
  }

  @Test
  void the_metrics_token_file_comes_from_its_option() {
    // FUNCX_METRICS_TOKEN_FILE is the environment's way; the option wins over it.
    assertThat(
            ServiceMain.parse(new String[] {"--metrics-token-file", "/etc/funcx/token"})
                .metricsTokenFile())
        .isEqualTo(java.nio.file.Path.of("/etc/funcx/token"));
  }

  @Test
  void a_bad_argument_is_refused_naming_it() {
    assertThatThrownBy(() -> ServiceMain.parse(new String[] {"--prot", "9000"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--prot");
    assertThatThrownBy(() -> ServiceMain.parse(new String[] {"--port", "nine"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--port")
        .hasMessageContaining("nine");
    assertThatThrownBy(() -> ServiceMain.parse(new String[] {"--data"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--data");
  }

  @Test
  void ports_data_and_dependency_options_reach_the_configuration() {
    ServiceConfig config =
        ServiceMain.parse(
            new String[] {
              "--data",
              "/srv/funcx",
              "--port",
              "9100",
              "--forwarder-port",
              "9101",
              "--maven-offline",
              "true",
              "--task-ttl-seconds",
              "60"
            });
    assertThat(config.dataDir()).isEqualTo(java.nio.file.Path.of("/srv/funcx"));
    assertThat(config.httpPort()).isEqualTo(9100);
    assertThat(config.forwarderPort()).isEqualTo(9101);
    assertThat(config.repositories().offline()).isTrue();
    assertThat(config.taskTtl()).isEqualTo(java.time.Duration.ofSeconds(60));
  }

  @Test
  void the_store_is_embedded_by_default_and_postgresql_with_a_password_file_on_request() {
    assertThat(ServiceMain.parse(new String[0]).store().isEmbedded()).isTrue();
    ServiceConfig config =
        ServiceMain.parse(
            new String[] {
              "--store",
              "postgresql://db.lab:6543/funcx",
              "--store-user",
              "svc",
              "--store-password-file",
              "/etc/funcx/pg-password"
            });
    assertThat(config.store().postgres().jdbcUrl())
        .isEqualTo("jdbc:postgresql://db.lab:6543/funcx");
    assertThat(config.store().postgres().user()).isEqualTo("svc");
    assertThat(config.store().passwordFile())
        .isEqualTo(java.nio.file.Path.of("/etc/funcx/pg-password"));
  }

  @Test
  void a_bad_store_is_refused_saying_why_and_a_password_never_rides_on_the_command_line() {
    assertThatThrownBy(
            () ->
                ServiceMain.parse(
                    new String[] {
                      "--store",
                      "postgresql://svc:secret@db.lab/funcx",
                      "--store-password-file",
                      "/p"
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("credentials")
        .hasMessageNotContaining("secret");
    assertThatThrownBy(
            () -> ServiceMain.parse(new String[] {"--store", "postgresql://db.lab/funcx"}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("password file");
    assertThatThrownBy(
            () ->
                ServiceMain.parse(
                    new String[] {
                      "--store", "mysql://db.lab/funcx", "--store-password-file", "/p"
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("postgresql://HOST");
    assertThatThrownBy(
            () ->
                ServiceMain.parse(
                    new String[] {
                      "--store", "postgresql://db.lab/fun;cx", "--store-password-file", "/p"
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("database name");
    assertThatThrownBy(
            () ->
                ServiceMain.parse(
                    new String[] {
                      "--store",
                      "postgresql://db.lab/funcx",
                      "--store-password-file",
                      "/p",
                      "--registry-url",
                      "jdbc:h2:mem:x"
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--registry-url");
  }
}
