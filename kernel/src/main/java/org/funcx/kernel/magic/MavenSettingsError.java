package org.funcx.kernel.magic;

import java.util.List;
import org.funcx.deps.RepositorySettings;
import org.funcx.kernel.spi.MagicException;

/**
 * The kernel's environment sets the repositories {@code %maven} resolves from to something
 * unusable (a malformed {@code FUNCX_MAVEN_MIRROR}, a non-numeric or non-positive
 * {@code FUNCX_DEPENDENCY_TIMEOUT_SECONDS}); nothing was resolved or added.
 */
public final class MavenSettingsError extends MagicException {
  private static final long serialVersionUID = 1L;

  MavenSettingsError(IllegalArgumentException e) {
    super(
        "%maven cannot use the repository settings in the kernel's environment ("
            + String.join(", ", variables())
            + "): "
            + e.getMessage(),
        "fix the variable and restart the kernel; nothing was added to the class path",
        e);
  }

  private static List<String> variables() {
    return RepositorySettings.ENVIRONMENT.keySet().stream().sorted().toList();
  }
}
