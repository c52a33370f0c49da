package org.funcx.endpoint.manager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.funcx.core.exec.FunctionLibraries;
import org.funcx.deps.DependencyException;
import org.funcx.deps.FileRepository;
import org.funcx.deps.RepositorySettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A manager's dependency sets, with real Maven Resolver over a file repository of real jars. */
class LibrarySetsTest {
  @TempDir static Path repoDir;
  static FileRepository repo;

  @BeforeAll
  static void layOut() {
    repo = FileRepository.standard(repoDir);
  }

  @Test
  void concurrentFirstTasksOfASetResolveItOnce() throws Exception {
    List<String> set = List.of("com.google.code.gson:gson:2.11.0");
    try (LibrarySets sets = new LibrarySets(RepositorySettings.offline(repo.root()), List.of())) {
      ExecutorService pool = Executors.newFixedThreadPool(8);
      CountDownLatch go = new CountDownLatch(1);
      List<Future<FunctionLibraries>> got = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        got.add(
            pool.submit(
                () -> {
                  go.await();
                  return sets.forSet(set);
                }));
      }
      go.countDown();
      FunctionLibraries first = got.get(0).get(60, TimeUnit.SECONDS);
      for (var f : got) assertThat(f.get(60, TimeUnit.SECONDS)).isSameAs(first);
      pool.shutdown();
      assertThat(sets.resolutions()).isEqualTo(1);
      assertThat(first.jars())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("gson-2.11.0.jar", "error_prone_annotations-2.27.0.jar");
    }
  }

  @Test
  void aFailedSetIsRememberedNotRetriedPerTask() throws Exception {
    try (LibrarySets sets = new LibrarySets(RepositorySettings.offline(repo.root()), List.of())) {
      for (int i = 0; i < 3; i++) {
        assertThatThrownBy(() -> sets.forSet(List.of("org.example:absent:1.0")))
            .isInstanceOf(DependencyException.class)
            .hasMessageContaining("org.example:absent:1.0");
      }
      assertThat(sets.resolutions()).isEqualTo(1);
    }
  }

  @Test
  void siteJarsComeFirstAndJdkOnlyFunctionsWithoutThemKeepTheWorkersClassPath() throws Exception {
    Path math =
        repo.root().resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar");
    try (LibrarySets none = new LibrarySets(RepositorySettings.offline(repo.root()), List.of());
        LibrarySets site =
            new LibrarySets(RepositorySettings.offline(repo.root()), List.of(math))) {
      assertThat(none.forSet(List.of())).isNull();
      assertThat(site.forSet(List.of()).jars()).containsExactly(math);
      assertThat(site.forSet(List.of("org.apache.commons:commons-lang3:3.12.0")).jars())
          .extracting(p -> p.getFileName().toString())
          .containsExactly("commons-math3-3.6.1.jar", "commons-lang3-3.12.0.jar");
    }
  }
}
