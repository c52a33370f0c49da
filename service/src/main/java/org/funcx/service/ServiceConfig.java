package org.funcx.service;

import java.nio.file.Path;
import java.time.Duration;
import org.funcx.service.store.UnfinishedTaskQuotas;

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
    org.funcx.service.auth.AuthSettings auth,
    String publicUrl,
    UnfinishedTaskQuotas.Limits queueLimits,
    Path metricsTokenFile,
    org.funcx.deps.RepositorySettings repositories) {

  public static final int DEFAULT_HTTP_PORT = 8765;
  public static final int DEFAULT_FORWARDER_PORT = 8766;

  public static ServiceConfig defaults(Path dataDir) {
    return new ServiceConfig("127.0.0.1", DEFAULT_HTTP_PORT, DEFAULT_FORWARDER_PORT, dataDir,
        Duration.ofDays(14), Duration.ofSeconds(1), 10 << 20, 128L << 20, 5_000, null, null, 2_000,
        org.funcx.service.auth.AuthSettings.embedded(), null, UnfinishedTaskQuotas.Limits.DEFAULT, null,
        org.funcx.deps.RepositorySettings.defaults());
  }

  public ServiceConfig withPorts(int http, int forwarder) {
    return new ServiceConfig(host, http, forwarder, dataDir, taskTtl, heartbeat, maxArgsBytes,
        maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder, requestsPerSecond, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withTaskTtl(Duration ttl) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, ttl, heartbeat, maxArgsBytes,
        maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder, requestsPerSecond, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withRegistryUrl(String jdbcUrl) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, jdbcUrl, advertisedForwarder,
        requestsPerSecond, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withAdvertisedForwarder(String address) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, address, requestsPerSecond, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withRequestsPerSecond(double limit) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder, limit, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withAuth(org.funcx.service.auth.AuthSettings settings) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder,
        requestsPerSecond, settings, publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withPublicUrl(String url) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder,
        requestsPerSecond, auth, url, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withRepositories(org.funcx.deps.RepositorySettings settings) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder,
        requestsPerSecond, auth, publicUrl, queueLimits, metricsTokenFile, settings);
  }

  /** The URL clients use: {@code publicUrl}, else {@code http://host:httpPort}. */
  public String url() {
    return publicUrl != null ? publicUrl.replaceAll("/+$", "") : "http://" + host + ":" + httpPort;
  }

  public ServiceConfig withMaxArgsBytes(int bytes) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat, bytes,
        maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder, requestsPerSecond, auth,
        publicUrl, queueLimits, metricsTokenFile, repositories);
  }

  public ServiceConfig withMetricsTokenFile(Path file) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder,
        requestsPerSecond, auth, publicUrl, queueLimits, file, repositories);
  }

  public ServiceConfig withQueueLimits(UnfinishedTaskQuotas.Limits limits) {
    return new ServiceConfig(host, httpPort, forwarderPort, dataDir, taskTtl, heartbeat,
        maxArgsBytes, maxRequestBytes, sendBatchSize, registryUrl, advertisedForwarder,
        requestsPerSecond, auth, publicUrl, limits, metricsTokenFile, repositories);
  }
}
