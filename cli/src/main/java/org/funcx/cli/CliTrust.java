package org.funcx.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.funcx.client.tls.ServerTrust;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.io.ServiceTrustFiles;

/**
 * What the CLI trusts for the service: the JDK's CAs, {@code --ca-file} (any subcommand) or
 * {@code FUNCX_CA_FILE}, and the self-signed certificate of its home's own service (pinned).
 * Endpoints it starts are handed the same certificates ({@link #handTo}).
 */
final class CliTrust {
  /** {@code --ca-file}, set once while the command line is parsed. */
  private static volatile Path caFile;

  private CliTrust() {}

  static void caFile(Path file) {
    caFile = file;
  }

  static ServerTrust forHome(FuncxHome home) {
    ServerTrust trust = ServerTrust.forHome(home.root());
    return caFile == null ? trust : trust.with(caFile);
  }

  /**
   * Writes what this CLI trusts into the endpoint's directory, where its agent reads it
   * ({@link ServiceTrustFiles#ENDPOINT_TRUST_FILE}); removes a stale one when it trusts nothing
   * beyond the JDK's CAs.
   */
  static void handTo(FuncxHome home, Path endpointDir) throws IOException {
    Path file = endpointDir.resolve(ServiceTrustFiles.ENDPOINT_TRUST_FILE);
    StringBuilder pem = new StringBuilder();
    for (Path trusted : forHome(home).certificateFiles()) {
      pem.append(Files.readString(trusted)).append('\n');
    }
    if (pem.length() == 0) {
      Files.deleteIfExists(file);
    } else {
      PrivateFiles.write(file, pem.toString());
    }
  }
}
