package org.funcx.core.io;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Which certificates, besides the JDK's CAs, a client trusts for the service: a site CA named by
 * {@code FUNCX_CA_FILE} (the one reader of that variable) and the self-signed certificate the
 * service of the user's funcX home made for itself, which the home's clients pin.
 */
public final class ServiceTrustFiles {
  public static final String CA_FILE_VARIABLE = "FUNCX_CA_FILE";

  /** Where a service keeps its self-signed certificate, relative to its data directory. */
  public static final Path SELF_SIGNED_CERTIFICATE = Path.of("tls", "self-signed-cert.pem");

  /** The data directory of the service {@code ./funcx up} starts, relative to the funcX home. */
  public static final String HOME_SERVICE_DIRECTORY = "service";

  private ServiceTrustFiles() {}

  /** {@code FUNCX_CA_FILE}, or null when unset. */
  public static Path caFile() {
    String value = System.getenv(CA_FILE_VARIABLE);
    return value == null || value.isBlank() ? null : Path.of(value.trim());
  }

  /** The self-signed certificate of the funcX home's own service, when it made one. */
  public static Path homeServiceCertificate(Path home) {
    return home.resolve(HOME_SERVICE_DIRECTORY).resolve(SELF_SIGNED_CERTIFICATE);
  }

  /**
   * In an endpoint's directory: the certificates its agent trusts for the service, written by
   * the CLI that started it (its --ca-file, and its home's self-signed service certificate).
   */
  public static final String ENDPOINT_TRUST_FILE = "trusted-service-certificates.pem";

  /** What the user's clients trust besides the JDK's CAs: the CA file, the home's certificate. */
  public static List<Path> userDefaults() {
    return forHome(FuncxHomeDirectory.resolve());
  }

  /** {@code FUNCX_CA_FILE} and the self-signed certificate of {@code home}'s service, if any. */
  public static List<Path> forHome(Path home) {
    List<Path> files = new ArrayList<>();
    Path ca = caFile();
    if (ca != null) files.add(ca);
    Path pinned = homeServiceCertificate(home);
    if (Files.isRegularFile(pinned)) files.add(pinned);
    return files;
  }

  /** What an endpoint's agent trusts: the user defaults and its directory's trust file. */
  public static List<Path> forEndpoint(Path endpointDir) {
    List<Path> files = new ArrayList<>(userDefaults());
    Path written = endpointDir.resolve(ENDPOINT_TRUST_FILE);
    if (Files.isRegularFile(written)) files.add(written);
    return files;
  }
}
