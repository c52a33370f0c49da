package org.funcx.deps;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where dependencies come from. Default: Maven Central, cached in the user's local repository
 * ({@code ~/.m2/repository}). A site mirror URL replaces Central (any URL Maven accepts, file:
 * included). Offline reads only the given local repository directory, e.g. one shared on a
 * cluster's file system for compute nodes without internet, and never opens a connection.
 *
 * @param mirror replaces Central; null for Central
 * @param offline read only {@code localRepository}
 * @param localRepository where jars are cached (read-only source when offline)
 * @param timeout bound on one whole resolution (connect, each request and the total)
 */
public record RepositorySettings(
    URI mirror, boolean offline, Path localRepository, Duration timeout) {
  public static final URI CENTRAL = URI.create("https://repo.maven.apache.org/maven2/");

  /** Default bound on one resolution: a cold set from Central takes seconds, not minutes. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  public RepositorySettings {
    Objects.requireNonNull(localRepository, "localRepository");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive");
    }
  }

  public static Path userLocalRepository() {
    return Path.of(System.getProperty("user.home"), ".m2", "repository");
  }

  /** Maven Central and the user's local repository. */
  public static RepositorySettings defaults() {
    return new RepositorySettings(null, false, userLocalRepository(), DEFAULT_TIMEOUT);
  }

  /** A site mirror instead of Central, cached in {@code localRepository}. */
  public static RepositorySettings mirror(URI mirror, Path localRepository) {
    return new RepositorySettings(
        Objects.requireNonNull(mirror, "mirror"), false, localRepository, DEFAULT_TIMEOUT);
  }

  /** Only {@code localRepository}, no network. */
  public static RepositorySettings offline(Path localRepository) {
    return new RepositorySettings(null, true, localRepository, DEFAULT_TIMEOUT);
  }

  public RepositorySettings withTimeout(Duration newTimeout) {
    return new RepositorySettings(mirror, offline, localRepository, newTimeout);
  }

  /** Command-line options of the service and the manager JVMs that carry these settings. */
  public static final String MIRROR_OPTION = "--maven-mirror";

  public static final String OFFLINE_OPTION = "--maven-offline";
  public static final String LOCAL_OPTION = "--maven-local-repository";
  public static final String TIMEOUT_OPTION = "--dependency-timeout-seconds";

  /** True for the options {@link #fromOptions} reads. */
  public static boolean isOption(String name) {
    return name.equals(MIRROR_OPTION)
        || name.equals(OFFLINE_OPTION)
        || name.equals(LOCAL_OPTION)
        || name.equals(TIMEOUT_OPTION);
  }

  /**
   * Settings from {@code --maven-mirror URL}, {@code --maven-offline true|false},
   * {@code --maven-local-repository DIR} and {@code --dependency-timeout-seconds N}; the defaults
   * for those absent.
   */
  public static RepositorySettings fromOptions(java.util.Map<String, String> options) {
    String mirror = options.get(MIRROR_OPTION);
    String local = options.get(LOCAL_OPTION);
    String timeout = options.get(TIMEOUT_OPTION);
    return new RepositorySettings(
        mirror == null || mirror.isBlank() ? null : URI.create(mirror),
        Boolean.parseBoolean(options.get(OFFLINE_OPTION)),
        local == null || local.isBlank() ? userLocalRepository() : Path.of(local),
        timeout == null ? DEFAULT_TIMEOUT : Duration.ofSeconds(Long.parseLong(timeout)));
  }

  /**
   * Environment variables that set these settings where no command line carries them ({@code
   * ./funcx up} passes them to the service, the notebook kernel reads them), and the option each
   * stands for.
   */
  public static final java.util.Map<String, String> ENVIRONMENT =
      java.util.Map.of(
          "FUNCX_MAVEN_MIRROR",
          MIRROR_OPTION,
          "FUNCX_MAVEN_OFFLINE",
          OFFLINE_OPTION,
          "FUNCX_MAVEN_LOCAL_REPOSITORY",
          LOCAL_OPTION,
          "FUNCX_DEPENDENCY_TIMEOUT_SECONDS",
          TIMEOUT_OPTION);

  /** Settings from the {@link #ENVIRONMENT} variables of {@code env}; defaults for those unset. */
  public static RepositorySettings fromEnvironment(java.util.Map<String, String> env) {
    return fromOptions(environmentOptions(env));
  }

  /** The options the {@link #ENVIRONMENT} variables set in {@code env} stand for. */
  public static java.util.Map<String, String> environmentOptions(
      java.util.Map<String, String> env) {
    java.util.Map<String, String> options = new java.util.TreeMap<>();
    ENVIRONMENT.forEach(
        (variable, option) -> {
          String value = env.get(variable);
          if (value != null) options.put(option, value);
        });
    return options;
  }

  /** The options {@link #fromOptions} turns back into these settings. */
  public java.util.List<String> toOptions() {
    java.util.List<String> out = new java.util.ArrayList<>();
    if (mirror != null) out.addAll(java.util.List.of(MIRROR_OPTION, mirror.toString()));
    if (offline) out.addAll(java.util.List.of(OFFLINE_OPTION, "true"));
    out.addAll(java.util.List.of(LOCAL_OPTION, localRepository.toString()));
    out.addAll(java.util.List.of(TIMEOUT_OPTION, String.valueOf(timeout.toSeconds())));
    return out;
  }

  /** The remote repository's URL, or null when offline. */
  public URI remote() {
    return offline ? null : mirror != null ? mirror : CENTRAL;
  }
}
