package org.funcx.service;

import java.nio.file.Path;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.funcx.core.io.PrivateFiles;
import org.funcx.jvm.FreePorts;
import org.funcx.service.api.ApiServer;
import org.funcx.service.api.ResultPushHub;
import org.funcx.service.auth.ServiceAuth;
import org.funcx.service.forward.CurveKeys;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.Registry;
import org.funcx.service.store.ServiceStores;
import org.funcx.service.store.TaskCompletions;
import org.funcx.service.store.TaskStorage;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.funcx.service.tls.ServiceTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The whole service in one process: registry (SQL), task store (MVStore or PostgreSQL),
 * forwarder (ZeroMQ), REST API and result push. Closing it stops the parts in the reverse order of starting.
 */
public final class FuncxService implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FuncxService.class);
  private final Registry registry;
  private final TaskStorage store;
  private final ServiceStores stores;
  private final ResultPushHub push;
  private final Forwarder forwarder;
  private final ApiServer api;
  private final ScheduledExecutorService expiry;
  private final ServiceAuth auth;
  private final ServiceMetrics metrics;

  private final String url;
  private final ServiceTls tls;

  private FuncxService(ServiceConfig requested) throws Exception {
    // The embedded issuer is named by the service URL, so the port is fixed before anything starts.
    ServiceConfig config =
        requested.httpPort() != 0
            ? requested
            : requested.withPorts(FreePorts.pick(requested.host()), requested.forwarderPort());
    this.url = config.url();
    // Plain HTTP on a reachable address is refused, and bad TLS files stop the start, before
    // anything is bound or written.
    config.tls().checkBind(config.host());
    this.tls = ServiceTls.load(config.tls(), config.dataDir(), config.host(), config.publicUrl());
    if (tls != null) log.info("HTTPS certificate {} SHA-256 {}", tls.subject(), tls.fingerprint());
    // A bad token file stops the start here, before anything is bound or written.
    var metricsToken =
        config.metricsTokenFile() == null
            ? null
            : org.funcx.service.auth.MetricsToken.read(config.metricsTokenFile());
    this.metrics = new ServiceMetrics();
    // The data directory holds the task store, keys and secrets: the user's alone (0700).
    PrivateFiles.createDirectories(config.dataDir());
    this.stores =
        ServiceStores.open(
            config.store(), config.dataDir(), config.registryUrl(), metrics::storeCommitted);
    this.registry = stores.registry();
    var auth = ServiceAuth.start(config.auth(), url, config.dataDir(), registry.database());
    this.store = stores.tasks();
    var live = new LiveTaskStates();
    metrics.unfinishedTasks(live::size);
    var catalog = new FunctionCatalog(registry);
    this.push = new ResultPushHub(store, live);
    var quotas = new UnfinishedTaskQuotas(config.queueLimits());
    var completions = new TaskCompletions(store, live, catalog, push::publish, quotas, metrics);
    this.forwarder =
        new Forwarder(
            config.host(),
            config.forwarderPort(),
            CurveKeys.loadOrCreate(config.dataDir().resolve("forwarder-curve.json")),
            store,
            live,
            catalog,
            completions,
            registry,
            config.heartbeat().toMillis(),
            config.sendBatchSize(),
            metrics);
    forwarder.start();
    this.api =
        new ApiServer(
            config,
            registry,
            store,
            live,
            catalog,
            forwarder,
            push,
            auth,
            quotas,
            metrics,
            metricsToken,
            tls);
    this.auth = auth;
    this.expiry =
        Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "funcx-task-expiry"));
    long period = Math.max(1_000, Math.min(config.taskTtl().toMillis() / 10, 3_600_000));
    expiry.scheduleWithFixedDelay(() -> expire(config), period, period, TimeUnit.MILLISECONDS);
    // H2 creates its files with the umask; inside a 0700 directory, and 0600 themselves.
    PrivateFiles.tighten(config.dataDir());
  }

  public static FuncxService start(ServiceConfig config) throws Exception {
    return new FuncxService(config);
  }

  private void expire(ServiceConfig config) {
    try {
      int removed =
          store.expireCompletedBefore(System.currentTimeMillis() - config.taskTtl().toMillis());
      if (removed > 0)
        log.info("expired {} finished tasks older than {}", removed, config.taskTtl());
    } catch (RuntimeException e) {
      log.error("task expiry failed; will retry", e);
    }
  }

  public int httpPort() {
    return api.port();
  }

  public int forwarderPort() {
    return forwarder.port();
  }

  public String url() {
    return url;
  }

  /** SHA-256 fingerprint of the HTTPS certificate, or null when the service speaks plain HTTP. */
  public String tlsFingerprint() {
    return tls == null ? null : tls.fingerprint();
  }

  public ServiceAuth auth() {
    return auth;
  }

  public Forwarder forwarder() {
    return forwarder;
  }

  public static Path defaultDataDir(Path home) {
    return home.resolve("service");
  }

  @Override
  public void close() throws Exception {
    expiry.shutdownNow();
    api.close();
    forwarder.close();
    push.close();
    stores.close();
    metrics.close();
  }
}
