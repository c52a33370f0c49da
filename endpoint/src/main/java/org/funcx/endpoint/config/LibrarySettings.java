package org.funcx.endpoint.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.funcx.deps.RepositorySettings;

/**
 * Where an endpoint's managers get functions' libraries (the {@code libraries} section of
 * {@code config.json}). By default Maven Central and the user's local repository; {@code mirror}
 * replaces Central with a site repository; {@code offline} reads only {@code localRepository}
 * (e.g. a repository shared on the cluster's file system: compute nodes often have no internet).
 * {@code classpath} holds site-installed jars (or directories of jars) given to every function.
 *
 * @param timeoutSeconds bound on one resolution; 0 for the default (60 s)
 */
public record LibrarySettings(
    String mirror,
    boolean offline,
    String localRepository,
    List<String> classpath,
    long timeoutSeconds) {

  public static LibrarySettings defaults() {
    return new LibrarySettings(null, false, null, List.of(), 0);
  }

  public LibrarySettings validated() {
    if (offline && (localRepository == null || localRepository.isBlank())) {
      throw new IllegalArgumentException(
          "libraries.offline needs libraries.localRepository, the"
              + " directory of a Maven repository to read");
    }
    if (mirror != null && !mirror.isBlank()) URI.create(mirror); // throws on a malformed URL
    return new LibrarySettings(
        blankToNull(mirror),
        offline,
        blankToNull(localRepository),
        classpath == null ? List.of() : List.copyOf(classpath),
        Math.max(0, timeoutSeconds));
  }

  public LibrarySettings withClasspath(List<String> entries) {
    return new LibrarySettings(mirror, offline, localRepository, entries, timeoutSeconds);
  }

  /** As the resolver takes them. */
  public RepositorySettings repositories() {
    return new RepositorySettings(
        mirror == null ? null : URI.create(mirror),
        offline,
        localRepository == null
            ? RepositorySettings.userLocalRepository()
            : Path.of(localRepository).toAbsolutePath(),
        timeoutSeconds > 0
            ? Duration.ofSeconds(timeoutSeconds)
            : RepositorySettings.DEFAULT_TIMEOUT);
  }

  /** Manager command-line options carrying these settings. */
  public List<String> managerOptions() {
    List<String> out = new ArrayList<>(repositories().toOptions());
    if (!classpath.isEmpty()) {
      out.add(SiteClasspath.OPTION);
      out.add(String.join(java.io.File.pathSeparator, classpath));
    }
    return out;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
