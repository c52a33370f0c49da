package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads the env file that {@code scripts/slurm/start.sh} writes ({@code export KEY=value} lines),
 * so a Slurm endpoint can be configured from a running cluster without copying values by hand.
 */
final class SlurmEnv {
  static final Path DEFAULT = Path.of("/tmp/funcx-slurm/env");

  private SlurmEnv() {}

  static Map<String, String> read(Path file) throws IOException {
    if (!Files.exists(file)) {
      throw new IllegalArgumentException(
          "no Slurm env file at "
              + file
              + "; start a cluster with"
              + " scripts/slurm/start.sh or pass --slurm-url and --slurm-token-file");
    }
    Map<String, String> values = new HashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.startsWith("export ")) l = l.substring(7);
      int eq = l.indexOf('=');
      if (l.startsWith("#") || eq < 1) continue;
      values.put(l.substring(0, eq), l.substring(eq + 1).replaceAll("^['\"]|['\"]$", ""));
    }
    return values;
  }
}
