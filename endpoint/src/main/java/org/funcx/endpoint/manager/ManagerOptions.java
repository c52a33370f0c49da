package org.funcx.endpoint.manager;

import java.util.List;
import org.funcx.deps.RepositorySettings;

/**
 * How a manager process is started; provider-written command lines map onto these.
 *
 * @param repositories where functions' dependency sets are resolved
 * @param siteClasspath jars or directories of jars given to every function
 */
public record ManagerOptions(String interchange, String managerId, String blockId, int workers,
    int prefetch, long heartbeatMillis, long maxResultBytes, RepositorySettings repositories,
    List<String> siteClasspath) {

  /** With the default repositories and no site class path. */
  public ManagerOptions(String interchange, String managerId, String blockId, int workers,
      int prefetch, long heartbeatMillis, long maxResultBytes) {
    this(interchange, managerId, blockId, workers, prefetch, heartbeatMillis, maxResultBytes,
        RepositorySettings.defaults(), List.of());
  }
}
