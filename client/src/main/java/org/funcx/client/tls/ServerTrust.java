package org.funcx.client.tls;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.funcx.client.FuncXException;
import org.funcx.core.io.ServiceTrustFiles;

/**
 * The certificates a client trusts for the service: the JDK's CAs plus PEM files (a site CA, or
 * the self-signed certificate of the service the local CLI started, which is thereby pinned). The
 * one place SSLContexts for the service are made: SDK, CLI, kernel magics and endpoint agents all
 * reach the service through {@link org.funcx.client.FuncXClient}, which takes one of these.
 * Host names are still verified by the HTTP client.
 */
public final class ServerTrust {
  private final List<Path> certificateFiles;

  private ServerTrust(List<Path> certificateFiles) {
    this.certificateFiles = List.copyOf(certificateFiles);
  }

  /** The JDK's CAs only. */
  public static ServerTrust jdkDefaults() {
    return new ServerTrust(List.of());
  }

  /** The JDK's CAs, {@code FUNCX_CA_FILE} and the funcX home's own service certificate. */
  public static ServerTrust userDefault() {
    return new ServerTrust(ServiceTrustFiles.userDefaults());
  }

  /** The JDK's CAs, {@code FUNCX_CA_FILE} and the self-signed certificate of {@code home}'s service. */
  public static ServerTrust forHome(Path home) {
    return new ServerTrust(ServiceTrustFiles.forHome(home));
  }

  /** What the agent of the endpoint in {@code endpointDir} trusts (see ServiceTrustFiles). */
  public static ServerTrust forEndpoint(Path endpointDir) {
    return new ServerTrust(ServiceTrustFiles.forEndpoint(endpointDir));
  }

  /** This trust and the certificates in {@code pemFile} (a CA, or a pinned server certificate). */
  public ServerTrust with(Path pemFile) {
    List<Path> files = new ArrayList<>(certificateFiles);
    files.add(pemFile);
    return new ServerTrust(files);
  }

  public List<Path> certificateFiles() {
    return certificateFiles;
  }

  /** A TLS context trusting the JDK's CAs and these files; an unreadable file is named. */
  public SSLContext sslContext() {
    try {
      if (certificateFiles.isEmpty()) return SSLContext.getDefault();
      KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
      anchors.load(null, null);
      int n = 0;
      for (X509Certificate ca : jdkTrustManager().getAcceptedIssuers()) {
        anchors.setCertificateEntry("jdk-" + n++, ca);
      }
      for (Path file : certificateFiles) {
        for (Certificate certificate : read(file))
          anchors.setCertificateEntry("file-" + n++, certificate);
      }
      TrustManagerFactory factory = TrustManagerFactory.getInstance("PKIX");
      factory.init(anchors);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("cannot build the TLS trust for " + certificateFiles, e);
    }
  }

  private static X509TrustManager jdkTrustManager() throws GeneralSecurityException {
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init((KeyStore) null);
    for (var manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) return x509;
    }
    throw new GeneralSecurityException("the JDK has no X.509 trust manager");
  }

  private static Collection<? extends Certificate> read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      Collection<? extends Certificate> certificates =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (certificates.isEmpty()) throw new GeneralSecurityException("no PEM certificate in it");
      return certificates;
    } catch (IOException | GeneralSecurityException e) {
      throw new FuncXException(
          0,
          "bad_ca_file",
          "cannot use "
              + file
              + " as trusted"
              + " certificates (--ca-file / "
              + ServiceTrustFiles.CA_FILE_VARIABLE
              + "): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * What a failed connection to {@code url} means for a user: a refused certificate becomes an
   * {@link UntrustedCertificateException} naming the URL and the reason; anything else is
   * {@code unreachable}.
   */
  public static FuncXException explain(String url, String what, IOException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SSLHandshakeException)
        return new UntrustedCertificateException(url, reason(t), e);
      if (t instanceof SSLException) {
        return new FuncXException(
            0,
            "tls_failed",
            what
                + ": TLS failed ("
                + reason(t)
                + "); is it an https URL of a plain HTTP service, or the other way round?",
            e);
      }
    }
    return new FuncXException(0, "unreachable", what + ": " + e, e);
  }

  /** The innermost message: the JDK's says why (no path to a trust anchor, a name mismatch). */
  private static String reason(Throwable t) {
    String reason = t.getMessage();
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c.getMessage() != null) reason = c.getMessage();
    }
    return reason == null ? t.getClass().getSimpleName() : reason;
  }
}
