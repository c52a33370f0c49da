package org.funcx.endpoint.manager;

import java.nio.file.Path;
import java.util.List;
import org.funcx.deps.RepositorySettings;
import org.funcx.endpoint.interchange.BlockSecret;

/**
 * How a manager process is started; provider-written command lines map onto these.
 *
 * @param sandboxRoot where shell tasks get their working directories
 * @param keepSandboxes whether a shell task's directory stays after the task (for debugging)
 * @param repositories where functions' dependency sets are resolved
 * @param siteClasspath jars or directories of jars given to every function
 * @param secret the secret the interchange issued to this manager's block, which its
 *     registration proves
 * @param accelerators accelerator ids, one per worker ({@code --accelerators 0,1}); empty for none
 */
public record ManagerOptions(
    String interchange,
    String managerId,
    String blockId,
    int workers,
    int prefetch,
    long heartbeatMillis,
    long maxResultBytes,
    Path sandboxRoot,
    boolean keepSandboxes,
    RepositorySettings repositories,
    List<String> siteClasspath,
    BlockSecret secret,
    List<String> accelerators) {
  /** Options of a manager without accelerators. */
  public ManagerOptions(
      String interchange,
      String managerId,
      String blockId,
      int workers,
      int prefetch,
      long heartbeatMillis,
      long maxResultBytes,
      Path sandboxRoot,
      boolean keepSandboxes,
      RepositorySettings repositories,
      List<String> siteClasspath,
      BlockSecret secret) {
    this(
        interchange,
        managerId,
        blockId,
        workers,
        prefetch,
        heartbeatMillis,
        maxResultBytes,
        sandboxRoot,
        keepSandboxes,
        repositories,
        siteClasspath,
        secret,
        List.of());
  }

  /** {@code --accelerators} as ManagerCommand writes it: ids joined by commas; absent is none. */
  static List<String> accelerators(String option) {
    return option == null || option.isEmpty() ? List.of() : List.of(option.split(","));
  }
}
