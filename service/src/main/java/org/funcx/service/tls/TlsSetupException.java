package org.funcx.service.tls;

import java.nio.file.Path;

/** The service cannot set up TLS from what it was given; names the file and why. */
public final class TlsSetupException extends IllegalStateException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public TlsSetupException(Path file, String why, Throwable cause) {
    super("TLS: " + file + ": " + why, cause);
    this.file = file;
  }

  public TlsSetupException(Path file, String why) {
    this(file, why, null);
  }

  public Path file() {
    return file;
  }
}
