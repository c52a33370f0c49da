package org.funcx.endpoint;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.funcx.core.json.Json;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.interchange.Interchange;
import org.funcx.endpoint.provider.BlockScaler;
import org.funcx.endpoint.provider.LocalProvider;
import org.funcx.endpoint.provider.Provider;
import org.funcx.endpoint.provider.SlurmProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * A running endpoint: the interchange on its own thread plus the provider that runs managers.
 * It finds the service's forwarder through {@code GET /v2/version}, retrying until the service
 * answers, so endpoint and service can start in either order.
 */
public final class EndpointAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EndpointAgent.class);
  private final ZContext context = new ZContext();
  private final Interchange interchange;
  private final Provider provider;
  private final BlockScaler scaler;
  private final Thread thread;

  public EndpointAgent(EndpointConfig config, Path endpointDir) throws IOException, InterruptedException {
    if (config.endpointId() == null) {
      throw new IllegalArgumentException("endpoint " + config.name() + " has no endpoint_id;"
          + " register it first (funcx endpoint start does)");
    }
    String forwarder = forwarderAddress(config.serviceUrl());
    this.interchange = new Interchange(config, forwarder, context);
    this.thread = new Thread(interchange, "funcx-interchange");
    Path logs = endpointDir.resolve("logs");
    this.provider = "slurm".equals(config.provider())
        ? new SlurmProvider(config, interchange.managerAddress(), logs, interchange::post)
        : new LocalProvider(config, interchange.managerAddress(), logs, interchange::post);
    this.scaler = new BlockScaler(config, provider, interchange::loadSnapshot,
        endpointDir.resolve("blocks.json"));
    thread.start();
    scaler.start();
    log.info("endpoint {} ({}) up: forwarder {}, managers connect to {}", config.name(),
        config.endpointId(), forwarder, interchange.managerAddress());
  }

  /** Asks the service where its forwarder listens; retries with back-off while it is down. */
  static String forwarderAddress(String serviceUrl) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    HttpRequest request = HttpRequest.newBuilder(URI.create(serviceUrl + "/v2/version"))
        .timeout(Duration.ofSeconds(10)).build();
    long backoff = 200;
    while (true) {
      try {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          return Json.GSON.fromJson(response.body(), VersionInfo.class).forwarder_address();
        }
        log.warn("service {} answered {}; retrying", serviceUrl, response.statusCode());
      } catch (IOException e) {
        log.warn("service {} unreachable ({}); retrying in {} ms", serviceUrl, e.getMessage(), backoff);
      }
      Thread.sleep(backoff);
      backoff = Math.min(5_000, backoff * 2);
    }
  }

  private record VersionInfo(String forwarder_address) {}

  public void awaitStop() throws InterruptedException {
    thread.join();
  }

  @Override
  public void close() throws InterruptedException {
    scaler.close();
    interchange.stop();
    thread.join(5_000);
    provider.close();
    context.close();
  }
}
