package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Which log files of a funcX home belong to what: the service ({@code logs/service.log} and its
 * supervisor's), an endpoint ({@code endpoints/NAME/logs/agent.log}, its managers'
 * {@code manager-*.log} or Slurm blocks' {@code block-*.log}, and its supervisor's), the notebook
 * server's. Only files that exist are listed; managers' files oldest first.
 */
record LogFiles(FuncxHome home) {

  List<Path> service() {
    return existing(
        home.root().resolve("service.supervisor.log"), home.logs().resolve("service.log"));
  }

  List<Path> notebook() {
    return existing(home.logs().resolve("notebook.log"));
  }

  /** An endpoint's logs; with {@code blocks}, its managers' (or Slurm jobs') too. */
  List<Path> endpoint(String name, boolean blocks) throws IOException {
    Path dir = home.endpointDir(name);
    if (!Files.exists(home.endpointConfig(name))) {
      throw new IllegalArgumentException(
          "no endpoint named '"
              + name
              + "' in "
              + home.root()
              + "; endpoints here: "
              + new EndpointControl(home).names());
    }
    List<Path> files =
        new ArrayList<>(
            existing(
                dir.resolve("agent.supervisor.log"), dir.resolve("logs").resolve("agent.log")));
    if (blocks) files.addAll(blockLogs(dir.resolve("logs")));
    return files;
  }

  /** Every log of the home: the service's, each endpoint's with its blocks', the notebook's. */
  List<Path> all() throws IOException {
    List<Path> files = new ArrayList<>(service());
    for (String name : new EndpointControl(home).names()) files.addAll(endpoint(name, true));
    files.addAll(notebook());
    return files;
  }

  private static List<Path> blockLogs(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return List.of();
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(f -> f.getFileName().toString().matches("(manager|block)-.*\\.log"))
          .sorted(Comparator.comparing(LogFiles::modified))
          .toList();
    }
  }

  private static long modified(Path file) {
    try {
      return Files.getLastModifiedTime(file).toMillis();
    } catch (IOException e) {
      return 0; // removed meanwhile: order does not matter
    }
  }

  private static List<Path> existing(Path... files) {
    return Stream.of(files).filter(Files::isRegularFile).toList();
  }
}
