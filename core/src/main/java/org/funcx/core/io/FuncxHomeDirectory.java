package org.funcx.core.io;

import java.nio.file.Path;

/**
 * Where a user's funcX state lives: {@code $FUNCX_HOME}, else {@code ~/.funcx}. The one reader of
 * FUNCX_HOME, so the CLI, the SDK's token store and the notebook always agree on it.
 */
public final class FuncxHomeDirectory {
  public static final String VARIABLE = "FUNCX_HOME";

  private FuncxHomeDirectory() {}

  /** The directory, absolute; it may not exist yet. */
  public static Path resolve() {
    String env = System.getenv(VARIABLE);
    return env != null && !env.isBlank()
        ? Path.of(env).toAbsolutePath()
        : Path.of(System.getProperty("user.home"), ".funcx");
  }
}
