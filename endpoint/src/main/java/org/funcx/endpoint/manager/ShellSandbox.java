package org.funcx.endpoint.manager;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.funcx.core.io.PrivateFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The working directories of shell tasks: one 0700 directory per task under the endpoint's
 * {@code sandboxes} directory, removed when the task ends unless the endpoint keeps them
 * ({@code keep_shell_sandboxes}, to look at what a command left behind).
 */
final class ShellSandbox {
  private static final Logger log = LoggerFactory.getLogger(ShellSandbox.class);
  private final Path root;
  private final boolean keep;

  ShellSandbox(Path root, boolean keep) {
    this.root = root;
    this.keep = keep;
  }

  /** A fresh, private directory for the task; task ids are UUIDs, so names never collide. */
  Path create(String taskId) throws IOException {
    PrivateFiles.createDirectories(root);
    Path dir = root.resolve("task-" + taskId.replaceAll("[^A-Za-z0-9_.-]", "_"));
    return PrivateFiles.createDirectories(dir);
  }

  /** Removes the task's directory and all it holds (symbolic links are removed, not followed). */
  void release(Path dir) {
    if (keep || dir == null) return;
    try {
      Files.walkFileTree(
          dir,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs)
                throws IOException {
              d.toFile().setWritable(true, true); // a command may have made its files read-only
              d.toFile().setExecutable(true, true);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs)
                throws IOException {
              Files.delete(file);
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
              Files.delete(d);
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      log.warn("could not remove the sandbox {}: {}", dir, e.toString());
    }
  }
}
