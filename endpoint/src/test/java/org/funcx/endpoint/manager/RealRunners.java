package org.funcx.endpoint.manager;

import java.nio.file.Path;
import java.util.List;
import org.funcx.deps.RepositorySettings;
import org.funcx.jvm.ScopedStdio;

/** A real TaskRunner as a manager builds one (1 MiB results, no extra libraries), for pool tests. */
final class RealRunners {
  private RealRunners() {}

  /** Installs the per-task stdio a manager has, and a runner with its shell sandboxes in {@code dir}. */
  static TaskRunner inDirectory(Path dir) {
    ScopedStdio.install();
    return new TaskRunner(
        1 << 20,
        new LibrarySets(RepositorySettings.defaults(), List.of()),
        new ShellSandbox(dir.resolve("sandboxes"), false));
  }
}
