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
public record RepositorySettings(URI mirror, boolean offline, Path localRepository,
    Duration timeout) {
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
    return new RepositorySettings(Objects.requireNonNull(mirror, "mirror"), false, localRepository,
        DEFAULT_TIMEOUT);
  }

  /** Only {@code localRepository}, no network. */
  public static RepositorySettings offline(Path localRepository) {
    return new RepositorySettings(null, true, localRepository, DEFAULT_TIMEOUT);
  }

  public RepositorySettings withTimeout(Duration newTimeout) {
    return new RepositorySettings(mirror, offline, localRepository, newTimeout);
  }

  /** The remote repository's URL, or null when offline. */
  public URI remote() {
    return offline ? null : mirror != null ? mirror : CENTRAL;
  }
}
