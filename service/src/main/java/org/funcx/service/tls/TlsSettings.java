package org.funcx.service.tls;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;

/**
 * How the service's HTTP port is secured: a given certificate chain and key (PEM), a self-signed
 * certificate it makes at first start, or plain HTTP. Plain HTTP is for loopback, or behind a
 * TLS proxy when {@code --insecure-http} says so explicitly.
 *
 * @param certificateFile PEM certificate chain, leaf first; null unless given
 * @param keyFile PEM private key of the leaf (PKCS#8 or traditional, unencrypted); null unless given
 * @param selfSigned make (once, then reuse) a self-signed certificate under the data directory
 * @param insecureHttp allow plain HTTP on a non-loopback address (a TLS proxy terminates in front)
 */
public record TlsSettings(
    Path certificateFile, Path keyFile, boolean selfSigned, boolean insecureHttp) {

  public static final String CERT_OPTION = "--tls-cert";
  public static final String KEY_OPTION = "--tls-key";
  public static final String SELF_SIGNED_OPTION = "--tls-self-signed";
  public static final String INSECURE_HTTP_OPTION = "--insecure-http";

  public TlsSettings {
    if ((certificateFile == null) != (keyFile == null)) {
      throw new IllegalArgumentException(
          CERT_OPTION
              + " and "
              + KEY_OPTION
              + " go together: give"
              + " both the certificate chain and its private key (PEM)");
    }
    if (certificateFile != null && selfSigned) {
      throw new IllegalArgumentException(
          SELF_SIGNED_OPTION
              + " makes its own certificate; do not"
              + " combine it with "
              + CERT_OPTION
              + "/"
              + KEY_OPTION);
    }
    if (insecureHttp && (certificateFile != null || selfSigned)) {
      throw new IllegalArgumentException(
          INSECURE_HTTP_OPTION
              + " is for plain HTTP behind a TLS"
              + " proxy; it contradicts "
              + (selfSigned ? SELF_SIGNED_OPTION : CERT_OPTION));
    }
  }

  public static TlsSettings plainHttp() {
    return new TlsSettings(null, null, false, false);
  }

  public static TlsSettings files(Path certificateFile, Path keyFile) {
    return new TlsSettings(certificateFile, keyFile, false, false);
  }

  public static TlsSettings selfSignedCertificate() {
    return new TlsSettings(null, null, true, false);
  }

  public boolean enabled() {
    return certificateFile != null || selfSigned;
  }

  /**
   * Refuses plain HTTP on an address other machines can reach: credentials and results would
   * cross the network in clear. Thrown at start, before anything is bound.
   */
  public void checkBind(String host) {
    if (enabled() || insecureHttp || isLoopback(host)) return;
    throw new IllegalArgumentException(
        "refusing plain HTTP on "
            + host
            + ", which is not a"
            + " loopback address: give "
            + CERT_OPTION
            + " FILE "
            + KEY_OPTION
            + " FILE or "
            + SELF_SIGNED_OPTION
            + ", or "
            + INSECURE_HTTP_OPTION
            + " when a TLS proxy in front"
            + " terminates HTTPS (set --public-url to its https URL)");
  }

  private static boolean isLoopback(String host) {
    try {
      for (InetAddress address : InetAddress.getAllByName(host)) {
        if (!address.isLoopbackAddress()) return false;
      }
      return true;
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("cannot resolve the bind address " + host, e);
    }
  }
}
