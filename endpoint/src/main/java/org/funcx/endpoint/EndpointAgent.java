package org.funcx.endpoint;

import java.io.IOException;
import java.nio.file.Path;
import org.funcx.client.EndpointInfo;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.auth.TokenStore;
import org.funcx.client.tls.ServerTrust;
import org.funcx.endpoint.config.EndpointConfig;
import org.funcx.endpoint.config.EndpointKeys;
import org.funcx.endpoint.interchange.CurveClientKeys;
import org.funcx.endpoint.interchange.Interchange;
import org.funcx.endpoint.provider.BlockCredentials;
import org.funcx.endpoint.provider.BlockScaler;
import org.funcx.endpoint.provider.LocalProvider;
import org.funcx.endpoint.provider.Provider;
import org.funcx.endpoint.provider.SlurmProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zeromq.ZContext;

/**
 * A running endpoint: the interchange on its own thread plus the provider that runs managers.
 * It finds the service's forwarder through {@code GET /v2/endpoints/ID} (signed in with the
 * endpoint's client credentials), retrying until the service answers, so endpoint and service can
 * start in either order; the link to the forwarder is CURVE-encrypted with the endpoint's keys,
 * and each block's managers register with the interchange with a secret issued to that block alone.
 */
public final class EndpointAgent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(EndpointAgent.class);
  private final ZContext context = new ZContext();
  private final Interchange interchange;
  private final Provider provider;
  private final BlockScaler scaler;
  private final Thread thread;

  /** Why the interchange thread died, if it did (set by that thread, read after it ended). */
  private volatile Throwable interchangeFailure;

  public EndpointAgent(EndpointConfig config, Path endpointDir)
      throws IOException, InterruptedException {
    if (config.endpointId() == null) {
      throw new IllegalArgumentException(
          "endpoint "
              + config.name()
              + " has no endpoint_id;"
              + " register it first (funcx endpoint start does)");
    }
    EndpointInfo service = forwarder(config, endpointDir);
    EndpointKeys keys = EndpointKeys.load(endpointDir);
    String forwarder = service.forwarderAddress();
    this.interchange =
        new Interchange(
            config,
            forwarder,
            new CurveClientKeys(service.forwarderPublicKey(), keys.publicKey(), keys.secretKey()),
            context);
    this.thread = new Thread(this::runInterchange, INTERCHANGE_THREAD);
    Path logs = endpointDir.resolve("logs");
    var credentials =
        new BlockCredentials(interchange.managerSecrets(), endpointDir.resolve("credentials"));
    this.provider =
        "slurm".equals(config.provider())
            ? new SlurmProvider(
                config, interchange.managerAddress(), logs, credentials, interchange::post)
            : new LocalProvider(
                config, interchange.managerAddress(), logs, credentials, interchange::post);
    this.scaler =
        new BlockScaler(
            config, provider, interchange::loadSnapshot, endpointDir.resolve("blocks.json"));
    interchange.problems(scaler::problem);
    interchange.blocks(scaler::blockCounts);
    thread.start();
    scaler.start();
    log.info(
        "endpoint {} ({}) up: forwarder {}, managers connect to {}",
        config.name(),
        config.endpointId(),
        forwarder,
        interchange.managerAddress());
  }

  /**
   * Asks the service, with the endpoint's own credentials, where its forwarder listens and which
   * CURVE key it has; retries with back-off while the service is down. A refusal (the endpoint
   * was deleted or its credentials revoked) ends the agent with the reason.
   */
  static EndpointInfo forwarder(EndpointConfig config, Path endpointDir)
      throws InterruptedException {
    FuncXClient client =
        FuncXClient.connect(
            config.serviceUrl(), new TokenStore(endpointDir), ServerTrust.forEndpoint(endpointDir));
    long backoff = 200;
    while (true) {
      try {
        return client.endpointDetails(config.endpointId());
      } catch (FuncXException e) {
        if (e.status() == 401 || e.status() == 403 || e.status() == 404) {
          throw new IllegalStateException(
              "the service refuses endpoint "
                  + config.endpointId()
                  + " ("
                  + e.code()
                  + ": "
                  + e.getMessage()
                  + "); it was deleted or its credentials"
                  + " revoked: register it again with 'funcx endpoint start'",
              e);
        }
        log.warn(
            "service {} not available ({}); retrying in {} ms",
            config.serviceUrl(),
            e.getMessage(),
            backoff);
      }
      Thread.sleep(backoff);
      backoff = Math.min(5_000, backoff * 2);
    }
  }

  /** The threads without which the agent cannot work (see CriticalThreads). */
  public static final String INTERCHANGE_THREAD = "funcx-interchange";

  private void runInterchange() {
    try {
      interchange.run();
    } catch (RuntimeException | Error e) {
      interchangeFailure = e;
      throw e; // to CriticalThreads' handler, which logs it and ends the process
    }
  }

  /** Waits until the interchange stops; false when it died of an error rather than was stopped. */
  public boolean awaitStop() throws InterruptedException {
    thread.join();
    return interchangeFailure == null;
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
