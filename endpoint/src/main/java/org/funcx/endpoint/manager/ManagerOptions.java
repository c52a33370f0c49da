package org.funcx.endpoint.manager;

import java.nio.file.Path;
import java.util.List;
import org.funcx.deps.RepositorySettings;

/**
 * How a manager process is started; provider-written command lines map onto these.
 *
 * @param sandboxRoot where shell tasks get their working directories
 * @param keepSandboxes whether a shell task's directory stays after the task (for debugging)
 * @param repositories where functions' dependency sets are resolved
 * @param siteClasspath jars or directories of jars given to every function
 */
public record ManagerOptions(String interchange, String managerId, String blockId, int workers,
    int prefetch, long heartbeatMillis, long maxResultBytes, Path sandboxRoot,
    boolean keepSandboxes, RepositorySettings repositories, List<String> siteClasspath) {}
