package org.funcx.service.tls;

import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/**
 * The service's HTTPS: the key material its settings ask for (given files, or the self-signed
 * certificate of its data directory) and the Jetty connector that serves it.
 */
public final class ServiceTls {
  private final KeyMaterial material;

  private ServiceTls(KeyMaterial material) {
    this.material = material;
  }

  /**
   * The TLS of a service bound to {@code host} and reached at {@code publicUrl} (may be null), or
   * null when {@code settings} ask for plain HTTP. Reads or makes the key material now, so a bad
   * file stops the start with a {@link TlsSetupException}.
   */
  public static ServiceTls load(TlsSettings settings, Path dataDir, String host, String publicUrl) {
    if (!settings.enabled()) return null;
    if (!settings.selfSigned()) {
      return new ServiceTls(KeyMaterial.read(settings.certificateFile(), settings.keyFile()));
    }
    Set<String> names = new LinkedHashSet<>(Set.of("localhost", "127.0.0.1", "::1"));
    if (!isWildcard(host)) names.add(host);
    if (publicUrl != null && URI.create(publicUrl).getHost() != null) {
      names.add(URI.create(publicUrl).getHost().replaceAll("^\\[|\\]$", ""));
    }
    return new ServiceTls(SelfSignedCertificate.loadOrCreate(dataDir, names));
  }

  private static boolean isWildcard(String host) {
    return host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
  }

  /** SHA-256 of the certificate the service presents, for users to compare or pin. */
  public String fingerprint() {
    return CertificateFingerprint.sha256(material.leaf());
  }

  public String subject() {
    return material.leaf().getSubjectX500Principal().getName();
  }

  /** A connector serving HTTPS on {@code host:port} with Javalin's HTTP configuration. */
  public ServerConnector connector(Server server, HttpConfiguration http, String host, int port) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(material.keyStore());
    ssl.setKeyStorePassword(new String(KeyMaterial.STORE_PASSWORD));
    HttpConfiguration https = new HttpConfiguration(http);
    SecureRequestCustomizer secure = new SecureRequestCustomizer();
    // Clients verify the host name; the server need not refuse requests by it (a proxy or an
    // address not in the certificate is the client's call, e.g. with a pinned certificate).
    secure.setSniHostCheck(false);
    https.addCustomizer(secure);
    ServerConnector connector =
        new ServerConnector(
            server,
            new SslConnectionFactory(ssl, HttpVersion.HTTP_1_1.asString()),
            new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }
}
