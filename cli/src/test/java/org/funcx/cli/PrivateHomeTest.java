package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What {@code ./funcx up} leaves in FUNCX_HOME (service store, logs, state and pid files, an
 * endpoint's configuration, keys and logs, after a task ran) is the user's alone: directories
 * 0700, files 0600, though this JVM's umask is 0022 and the processes write files of their own.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class PrivateHomeTest {
  @Test
  void everything_under_funcx_home_is_private_after_a_task_ran() throws Exception {
    try (TestCluster cluster = new TestCluster()) {
      String endpoint = cluster.startEndpoint("private", c -> c.withWorkers(1, 0));
      RegisteredFunction inc = cluster.client().register("int inc(int x) { return x + 1; }");
      try (FuncXExecutor executor = cluster.client().executor(endpoint)) {
        assertThat(executor.submit(inc, 1).get(60, TimeUnit.SECONDS)).isEqualTo(2);
      }
      Map<String, String> modes = modes(cluster.home.root());
      assertThat(modes)
          .containsKeys("service/", "logs/service.log", "endpoints/private/config.json");
      Map<String, String> open = new TreeMap<>(modes);
      open.entrySet()
          .removeIf(e -> e.getValue().equals(e.getKey().endsWith("/") ? "rwx------" : "rw-------"));
      assertThat(open).as("paths others may use").isEmpty();
    }
  }

  static Map<String, String> modes(Path root) throws Exception {
    Map<String, String> modes = new TreeMap<>();
    try (Stream<Path> all = Files.walk(root)) {
      for (Path p : all.toList()) {
        modes.put(
            root.relativize(p) + (Files.isDirectory(p) ? "/" : ""),
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS)));
      }
    }
    return modes;
  }
}
