package org.funcx.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real Maven Resolver against a file repository of real artifacts, and once against Central. */
class DependencyResolverTest {
  @TempDir static Path repoDir;
  static FileRepository repo;
  @TempDir Path cache;

  @BeforeAll
  static void layOut() {
    repo = FileRepository.standard(repoDir).notAJar("org.example:html-page:1.0");
  }

  private static List<String> names(ResolvedDependencies resolved) {
    return resolved.jars().stream().map(p -> p.getFileName().toString()).toList();
  }

  @Test
  void resolvesThroughAMirrorIntoTheLocalRepository() throws Exception {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.mirror(repo.uri(), cache))) {
      ResolvedDependencies resolved =
          resolver.resolve(List.of("org.apache.commons:commons-lang3:3.12.0"));
      assertThat(names(resolved)).containsExactly("commons-lang3-3.12.0.jar");
      assertThat(resolved.jars().get(0)).startsWith(cache);
    }
  }

  @Test
  void offlineReadsOnlyTheGivenDirectoryAndBringsTransitiveDependencies() throws Exception {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.offline(repo.root()))) {
      ResolvedDependencies resolved =
          resolver.resolve(
              List.of(
                  "com.google.code.gson:gson:2.11.0", "org.apache.commons:commons-math3:3.6.1"));
      assertThat(names(resolved))
          .containsExactlyInAnyOrder(
              "gson-2.11.0.jar", "error_prone_annotations-2.27.0.jar", "commons-math3-3.6.1.jar");
      assertThat(resolved.jars()).allMatch(p -> p.startsWith(repo.root()));
      assertThat(resolver.repositories()).containsExactly("local (" + repo.root() + ")");
    }
  }

  @Test
  void theSetIsSortedAndDeduplicated() throws Exception {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.offline(repo.root()))) {
      assertThat(resolver.normalize(List.of(" org.b:b:1", "org.a:a:2", "org.b:b:1")))
          .containsExactly("org.a:a:2", "org.b:b:1");
    }
  }

  @Test
  void anUnknownArtifactNamesItselfAndTheRepositoriesTried() {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.mirror(repo.uri(), cache))) {
      assertThatThrownBy(() -> resolver.resolve(List.of("org.example:no-such-thing:9.9")))
          .isInstanceOfSatisfying(
              DependencyException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DependencyException.Reason.NOT_FOUND);
                assertThat(e.coordinate()).contains("org.example:no-such-thing");
                assertThat(e.getMessage())
                    .contains("org.example:no-such-thing")
                    .contains("mirror (" + repo.uri() + ")")
                    .contains("local (" + cache + ")");
              });
    }
  }

  @Test
  void malformedCoordinatesAreRefusedBeforeAnyLookup() {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.offline(repo.root()))) {
      for (String bad :
          List.of(
              "commons-lang3",
              "a:b",
              "a:b:c:d",
              "a b:c:1",
              "a:b:[1,2)",
              "x".repeat(400) + ":a:1",
              "g:a::")) {
        assertThatThrownBy(() -> resolver.resolve(List.of(bad)))
            .isInstanceOfSatisfying(
                DependencyException.class,
                e -> {
                  assertThat(e.reason()).isEqualTo(DependencyException.Reason.MALFORMED);
                  assertThat(e.getMessage()).contains("malformed").contains("repositories tried");
                });
      }
    }
  }

  @Test
  void aFileThatIsNotAJarIsRefused() {
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.offline(repo.root()))) {
      assertThatThrownBy(() -> resolver.resolve(List.of("org.example:html-page:1.0")))
          .isInstanceOfSatisfying(
              DependencyException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DependencyException.Reason.NOT_A_JAR);
                assertThat(e.getMessage()).contains("org.example:html-page").contains("not a zip");
              });
      assertThatThrownBy(() -> resolver.resolve(List.of("org.example:p:pom::1.0")))
          .isInstanceOfSatisfying(
              DependencyException.class,
              e -> assertThat(e.reason()).isEqualTo(DependencyException.Reason.NOT_A_JAR));
    }
  }

  @Test
  void anUnreachableRepositoryIsSaidSo() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/maven2/");
    try (DependencyResolver resolver =
        new DependencyResolver(
            RepositorySettings.mirror(nowhere, cache).withTimeout(Duration.ofSeconds(30)))) {
      assertThatThrownBy(() -> resolver.resolve(List.of("org.apache.commons:commons-lang3:3.12.0")))
          .isInstanceOfSatisfying(
              DependencyException.class,
              e -> {
                assertThat(e.reason()).isEqualTo(DependencyException.Reason.UNREACHABLE);
                assertThat(e.getMessage()).contains("commons-lang3").contains(nowhere.toString());
              });
    }
  }

  @Test
  void tooManyCoordinatesAreRefused() {
    List<String> many =
        java.util.stream.IntStream.range(0, DependencyResolver.MAX_COORDINATES + 1)
            .mapToObj(i -> "org.example:a" + i + ":1")
            .toList();
    try (DependencyResolver resolver =
        new DependencyResolver(RepositorySettings.offline(repo.root()))) {
      assertThatThrownBy(() -> resolver.resolve(many))
          .isInstanceOfSatisfying(
              DependencyException.class,
              e -> assertThat(e.reason()).isEqualTo(DependencyException.Reason.TOO_MANY));
    }
  }

  /** The default remote repository (Maven Central is reachable here), into a fresh local cache. */
  @Test
  void resolvesASmallArtifactFromCentral() throws Exception {
    RepositorySettings central =
        new RepositorySettings(null, false, cache, RepositorySettings.DEFAULT_TIMEOUT);
    try (DependencyResolver resolver = new DependencyResolver(central)) {
      ResolvedDependencies resolved =
          resolver.resolve(List.of("org.apiguardian:apiguardian-api:1.1.2"));
      assertThat(names(resolved)).containsExactly("apiguardian-api-1.1.2.jar");
      assertThat(resolver.repositories().get(0))
          .startsWith("central (https://repo.maven.apache.org");
    }
  }
}
