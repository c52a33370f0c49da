package org.funcx.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;
import org.funcx.deps.RepositorySettings;
import org.funcx.service.auth.AuthSettings;
import org.funcx.service.store.StoreSettings;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.funcx.service.tls.TlsSettings;

/**
 * Every setting of the service in one typed place.
 *
 * @param httpPort REST and WebSocket port; 0 picks a free one
 * @param forwarderPort ZeroMQ port endpoints connect to; 0 picks a free one
 * @param taskTtl how long finished tasks stay readable
 * @param heartbeat interval of forwarder ⇄ endpoint heartbeats; {@link org.funcx.core.wire.Liveness#SERVICE_LINK_BEATS} missed ones mark a link lost
 * @param maxArgsBytes largest JSON arguments of one task (413 above it)
 * @param maxRequestBytes largest {@code /v2/submit} body, enforced while it streams in (413 above
 *     it); other routes take at most 16 MiB
 * @param sendBatchSize tasks per message to an endpoint
 * @param registryUrl JDBC URL of the function/endpoint registry; null for embedded H2 in dataDir
 * @param advertisedForwarder the forwarder address endpoints are told to use, when it differs
 *     from the bound one (NAT, a proxy, a load balancer); null for the bound address
 * @param requestsPerSecond REST requests a second per client before 429s; 0 for no limit
 * @param auth how users authenticate (embedded issuer by default)
 * @param publicUrl the URL clients reach the service at (the embedded issuer's name); null for
 *     {@code http://HOST:PORT}
 * @param queueLimits unfinished (queued or running) tasks allowed per user and per endpoint;
 *     submissions past them are refused with 429 {@code quota_exceeded}
 * @param metricsTokenFile a file holding the bearer token that may read {@code /metrics} besides
 *     administrators (read once at start); null for administrators only
 * @param repositories where registration resolves functions' dependencies to check the compile
 * @param tls HTTPS (given or self-signed certificate) or plain HTTP, which only loopback gets
 *     unless {@link TlsSettings#insecureHttp()}
 * @param store embedded files in dataDir (default) or a PostgreSQL database for everything stored
 */
public record ServiceConfig(
    String host,
    int httpPort,
    int forwarderPort,
    Path dataDir,
    Duration taskTtl,
    Duration heartbeat,
    int maxArgsBytes,
    long maxRequestBytes,
    int sendBatchSize,
    String registryUrl,
    String advertisedForwarder,
    double requestsPerSecond,
    AuthSettings auth,
    String publicUrl,
    UnfinishedTaskQuotas.Limits queueLimits,
    Path metricsTokenFile,
    RepositorySettings repositories,
    TlsSettings tls,
    StoreSettings store) {

  public static final int DEFAULT_HTTP_PORT = 8765;
  public static final int DEFAULT_FORWARDER_PORT = 8766;

  public static ServiceConfig defaults(Path dataDir) {
    return new ServiceConfig(
        "127.0.0.1",
        DEFAULT_HTTP_PORT,
        DEFAULT_FORWARDER_PORT,
        dataDir,
        Duration.ofDays(14),
        Duration.ofSeconds(1),
        10 << 20,
        128L << 20,
        5_000,
        null,
        null,
        2_000,
        AuthSettings.embedded(),
        null,
        UnfinishedTaskQuotas.Limits.DEFAULT,
        null,
        RepositorySettings.defaults(),
        TlsSettings.plainHttp(),
        StoreSettings.embedded());
  }

  public ServiceConfig withPorts(int http, int forwarder) {
    return change(
        b -> {
          b.httpPort = http;
          b.forwarderPort = forwarder;
        });
  }

  public ServiceConfig withTaskTtl(Duration ttl) {
    return change(b -> b.taskTtl = ttl);
  }

  public ServiceConfig withRegistryUrl(String jdbcUrl) {
    return change(b -> b.registryUrl = jdbcUrl);
  }

  public ServiceConfig withAdvertisedForwarder(String address) {
    return change(b -> b.advertisedForwarder = address);
  }

  public ServiceConfig withRequestsPerSecond(double limit) {
    return change(b -> b.requestsPerSecond = limit);
  }

  public ServiceConfig withAuth(AuthSettings settings) {
    return change(b -> b.auth = settings);
  }

  public ServiceConfig withPublicUrl(String url) {
    return change(b -> b.publicUrl = url);
  }

  public ServiceConfig withRepositories(RepositorySettings settings) {
    return change(b -> b.repositories = settings);
  }

  /** Binds REST and the forwarder to {@code address} (loopback by default). */
  public ServiceConfig withHost(String address) {
    return change(b -> b.host = address);
  }

  /** Forwarder ⇄ endpoint heartbeat interval (a link is lost after a few missed ones). */
  public ServiceConfig withHeartbeat(Duration interval) {
    return change(b -> b.heartbeat = interval);
  }

  public ServiceConfig withTls(TlsSettings settings) {
    return change(b -> b.tls = settings);
  }

  public ServiceConfig withMaxArgsBytes(int bytes) {
    return change(b -> b.maxArgsBytes = bytes);
  }

  public ServiceConfig withMetricsTokenFile(Path file) {
    return change(b -> b.metricsTokenFile = file);
  }

  public ServiceConfig withStore(StoreSettings settings) {
    return change(b -> b.store = settings);
  }

  public ServiceConfig withQueueLimits(UnfinishedTaskQuotas.Limits limits) {
    return change(b -> b.queueLimits = limits);
  }

  /** The URL clients use: {@code publicUrl}, else {@code http(s)://host:httpPort}. */
  public String url() {
    if (publicUrl != null) return publicUrl.replaceAll("/+$", "");
    String literal = host.contains(":") ? "[" + host + "]" : host;
    return (tls.enabled() ? "https" : "http") + "://" + literal + ":" + httpPort;
  }

  /** This configuration with what {@code edit} sets changed: the one place that copies fields. */
  private ServiceConfig change(Consumer<Fields> edit) {
    Fields f = new Fields(this);
    edit.accept(f);
    return new ServiceConfig(
        f.host,
        f.httpPort,
        f.forwarderPort,
        f.dataDir,
        f.taskTtl,
        f.heartbeat,
        f.maxArgsBytes,
        f.maxRequestBytes,
        f.sendBatchSize,
        f.registryUrl,
        f.advertisedForwarder,
        f.requestsPerSecond,
        f.auth,
        f.publicUrl,
        f.queueLimits,
        f.metricsTokenFile,
        f.repositories,
        f.tls,
        f.store);
  }

  /** A mutable copy of the components, for {@link #change}. */
  private static final class Fields {
    String host;
    int httpPort;
    int forwarderPort;
    Path dataDir;
    Duration taskTtl;
    Duration heartbeat;
    int maxArgsBytes;
    long maxRequestBytes;
    int sendBatchSize;
    String registryUrl;
    String advertisedForwarder;
    double requestsPerSecond;
    AuthSettings auth;
    String publicUrl;
    UnfinishedTaskQuotas.Limits queueLimits;
    Path metricsTokenFile;
    RepositorySettings repositories;
    TlsSettings tls;
    StoreSettings store;

    Fields(ServiceConfig c) {
      host = c.host;
      httpPort = c.httpPort;
      forwarderPort = c.forwarderPort;
      dataDir = c.dataDir;
      taskTtl = c.taskTtl;
      heartbeat = c.heartbeat;
      maxArgsBytes = c.maxArgsBytes;
      maxRequestBytes = c.maxRequestBytes;
      sendBatchSize = c.sendBatchSize;
      registryUrl = c.registryUrl;
      advertisedForwarder = c.advertisedForwarder;
      requestsPerSecond = c.requestsPerSecond;
      auth = c.auth;
      publicUrl = c.publicUrl;
      queueLimits = c.queueLimits;
      metricsTokenFile = c.metricsTokenFile;
      repositories = c.repositories;
      tls = c.tls;
      store = c.store;
    }
  }
}
