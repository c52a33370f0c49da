package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;

/**
 * What a {@link Supervisor} runs and keeps running: a product JVM ({@code mainClass args}) with
 * its JVM options and log. Written by the CLI next to the supervisor's other files, read by the
 * supervisor, so that every restart starts exactly the same process (same data directory, same
 * endpoint directory and credentials).
 */
record SupervisedChild(
    String what, String mainClass, List<String> args, List<String> jvmOptions, String log) {

  Path logFile() {
    return Path.of(log);
  }

  void write(Path file) throws IOException {
    PrivateFiles.write(file, Json.GSON.toJson(this));
  }

  static SupervisedChild read(Path file) throws IOException {
    return Json.GSON.fromJson(Files.readString(file), SupervisedChild.class);
  }
}
