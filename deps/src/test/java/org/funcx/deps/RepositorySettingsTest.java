package org.funcx.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The FUNCX_MAVEN_* variables ./funcx up passes to the service and the notebook kernel reads: each
 * stands for one option, unset ones keep the defaults, unusable values are refused.
 */
class RepositorySettingsTest {
  @Test
  void everyVariableBecomesItsOptionAndOthersAreIgnored() {
    Map<String, String> env =
        Map.of(
            "FUNCX_MAVEN_MIRROR",
            "http://127.0.0.1:1/maven2/",
            "FUNCX_MAVEN_OFFLINE",
            "true",
            "FUNCX_MAVEN_LOCAL_REPOSITORY",
            "/srv/m2",
            "FUNCX_DEPENDENCY_TIMEOUT_SECONDS",
            "7",
            "HOME",
            "/root");
    assertThat(RepositorySettings.environmentOptions(env))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                "--maven-mirror",
                "http://127.0.0.1:1/maven2/",
                "--maven-offline",
                "true",
                "--maven-local-repository",
                "/srv/m2",
                "--dependency-timeout-seconds",
                "7"));
    assertThat(RepositorySettings.fromEnvironment(env))
        .isEqualTo(
            new RepositorySettings(
                URI.create("http://127.0.0.1:1/maven2/"),
                true,
                Path.of("/srv/m2"),
                Duration.ofSeconds(7)));
  }

  @Test
  void noVariableMeansCentralAndTheUsersLocalRepository() {
    assertThat(RepositorySettings.environmentOptions(Map.of("PATH", "/bin"))).isEmpty();
    assertThat(RepositorySettings.fromEnvironment(Map.of()))
        .isEqualTo(RepositorySettings.defaults());
  }

  @Test
  void anUnusableTimeOutIsRefused() {
    assertThatThrownBy(
            () ->
                RepositorySettings.fromEnvironment(
                    Map.of("FUNCX_DEPENDENCY_TIMEOUT_SECONDS", "soon")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("soon");
    assertThatThrownBy(
            () ->
                RepositorySettings.fromEnvironment(Map.of("FUNCX_DEPENDENCY_TIMEOUT_SECONDS", "0")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
  }
}
