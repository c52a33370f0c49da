package org.funcx.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.funcx.jvm.CriticalThreads;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.store.UnfinishedTaskQuotas;

/**
 * Runs the service in the foreground until SIGTERM/SIGINT. Arguments: {@code --data DIR
 * --port N --forwarder-port N --task-ttl-seconds N --registry-url JDBC_URL
 * --advertise-forwarder tcp://HOST:PORT --public-url URL --auth-issuer URL --auth-audience AUD
 * --auth-introspection-url URL --auth-introspection-client ID --auth-sdk-client ID
 * --max-queued-tasks-per-user N --max-queued-tasks-per-endpoint N --metrics-token-file FILE
 * --maven-mirror URL --maven-offline true --maven-local-repository DIR
 * --dependency-timeout-seconds N} (secret in {@code FUNCX_INTROSPECTION_SECRET}; the metrics
 * token file may also be named by {@code FUNCX_METRICS_TOKEN_FILE}). Prints one line {@code funcx-service
 * http=URL forwarder=ADDRESS} when ready, which launchers wait for.
 */
public final class ServiceMain {
  private ServiceMain() {}

  public static void main(String[] args) throws Exception {
    CriticalThreads.install(Set.of(Forwarder.THREAD));
    ServiceConfig config = parse(args);
    FuncxService service = FuncxService.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        service.close();
      } catch (Exception e) {
        e.printStackTrace();
      } finally {
        stopped.countDown();
      }
    }, "funcx-service-shutdown"));
    System.out.println("funcx-service http=" + service.url() + " forwarder=tcp://"
        + config.host() + ":" + service.forwarderPort());
    System.out.flush();
    stopped.await();
  }

  static ServiceConfig parse(String[] args) {
    Path data = Path.of(System.getProperty("user.home"), ".funcx", "service");
    int http = ServiceConfig.DEFAULT_HTTP_PORT;
    int forwarder = ServiceConfig.DEFAULT_FORWARDER_PORT;
    Duration ttl = null;
    String registryUrl = null;
    String advertised = null;
    String publicUrl = null;
    String issuer = null;
    String audience = org.funcx.service.auth.AuthSettings.DEFAULT_AUDIENCE;
    String introspection = null;
    String introspectionClient = null;
    String sdkClient = null;
    long perUser = UnfinishedTaskQuotas.Limits.DEFAULT.perUser();
    long perEndpoint = UnfinishedTaskQuotas.Limits.DEFAULT.perEndpoint();
    String metricsTokenFile = System.getenv("FUNCX_METRICS_TOKEN_FILE");
    java.util.Map<String, String> repositoryOptions = new java.util.HashMap<>();
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) throw new IllegalArgumentException(args[i] + " needs a value");
      String value = args[i + 1];
      if (org.funcx.deps.RepositorySettings.isOption(args[i])) {
        repositoryOptions.put(args[i], value);
        continue;
      }
      switch (args[i]) {
        case "--data" -> data = Path.of(value);
        case "--port" -> http = Integer.parseInt(value);
        case "--forwarder-port" -> forwarder = Integer.parseInt(value);
        case "--task-ttl-seconds" -> ttl = Duration.ofSeconds(Long.parseLong(value));
        case "--registry-url" -> registryUrl = value;
        case "--advertise-forwarder" -> advertised = value;
        case "--public-url" -> publicUrl = value;
        case "--auth-issuer" -> issuer = value;
        case "--auth-audience" -> audience = value;
        case "--auth-introspection-url" -> introspection = value;
        case "--auth-introspection-client" -> introspectionClient = value;
        case "--auth-sdk-client" -> sdkClient = value;
        case "--max-queued-tasks-per-user" -> perUser = Long.parseLong(value);
        case "--max-queued-tasks-per-endpoint" -> perEndpoint = Long.parseLong(value);
        case "--metrics-token-file" -> metricsTokenFile = value;
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    var auth = issuer == null ? org.funcx.service.auth.AuthSettings.embedded()
        : org.funcx.service.auth.AuthSettings.externalJwt(issuer, audience);
    if (sdkClient != null) auth = auth.withSdkClientId(sdkClient);
    if (introspection != null) {
      // The secret comes from the environment, never from the command line (ps shows that).
      auth = auth.withIntrospection(java.net.URI.create(introspection), introspectionClient,
          System.getenv("FUNCX_INTROSPECTION_SECRET"));
    }
    ServiceConfig config = ServiceConfig.defaults(data).withPorts(http, forwarder)
        .withRegistryUrl(registryUrl).withAdvertisedForwarder(advertised).withAuth(auth)
        .withPublicUrl(publicUrl)
        .withQueueLimits(new UnfinishedTaskQuotas.Limits(perUser, perEndpoint))
        .withMetricsTokenFile(metricsTokenFile == null || metricsTokenFile.isBlank() ? null
            : Path.of(metricsTokenFile))
        .withRepositories(org.funcx.deps.RepositorySettings.fromOptions(repositoryOptions));
    return ttl == null ? config : config.withTaskTtl(ttl);
  }
}
