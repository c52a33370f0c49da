package org.funcx.service;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.funcx.core.wire.WireProtocol;
import org.funcx.deps.RepositorySettings;
import org.funcx.service.auth.AuthSettings;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.funcx.service.tls.TlsSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The service's command line, read by picocli as the CLI's is. Secrets never come from here (ps
 * shows arguments): the introspection secret is {@code FUNCX_INTROSPECTION_SECRET}.
 */
@Command(
    name = "funcx-service",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    versionProvider = ServiceOptions.Version.class,
    description = "Runs the funcX service in the foreground until SIGTERM/SIGINT.")
final class ServiceOptions {
  @Option(names = "--data", paramLabel = "DIR", description = "State directory (${DEFAULT-VALUE}).")
  Path data = Path.of(System.getProperty("user.home"), ".funcx", "service");

  @Option(
      names = "--host",
      paramLabel = "ADDRESS",
      description =
          "Address REST and the forwarder bind to (${DEFAULT-VALUE}); other than"
              + " loopback needs --tls-cert/--tls-key, --tls-self-signed or --insecure-http.")
  String host = "127.0.0.1";

  @Option(
      names = TlsSettings.CERT_OPTION,
      paramLabel = "FILE",
      description = "HTTPS: PEM certificate chain, leaf first (with --tls-key).")
  Path tlsCertificate;

  @Option(
      names = TlsSettings.KEY_OPTION,
      paramLabel = "FILE",
      description = "HTTPS: the certificate's unencrypted PEM private key.")
  Path tlsKey;

  @Option(
      names = TlsSettings.SELF_SIGNED_OPTION,
      description =
          "HTTPS with a self-signed certificate made at first start (DATA/tls) and"
              + " reused; its SHA-256 fingerprint is printed.")
  boolean tlsSelfSigned;

  @Option(
      names = TlsSettings.INSECURE_HTTP_OPTION,
      description = "Plain HTTP on a non-loopback --host: only behind a TLS proxy.")
  boolean insecureHttp;

  @Option(names = "--port", paramLabel = "N", description = "HTTP port (${DEFAULT-VALUE}).")
  int httpPort = ServiceConfig.DEFAULT_HTTP_PORT;

  @Option(
      names = "--forwarder-port",
      paramLabel = "N",
      description = "Port endpoints connect to (${DEFAULT-VALUE}).")
  int forwarderPort = ServiceConfig.DEFAULT_FORWARDER_PORT;

  @Option(
      names = "--task-ttl-seconds",
      paramLabel = "N",
      description = "How long finished tasks are kept.")
  Long taskTtlSeconds;

  @Option(names = "--registry-url", paramLabel = "JDBC_URL", description = "Registry database.")
  String registryUrl;

  @Mixin StoreOptions store;

  @Option(
      names = "--advertise-forwarder",
      paramLabel = "tcp://HOST:PORT",
      description = "The forwarder address endpoints are told to use.")
  String advertisedForwarder;

  @Option(names = "--public-url", paramLabel = "URL", description = "The URL clients use.")
  String publicUrl;

  @Option(
      names = "--auth-issuer",
      paramLabel = "URL",
      description = "An external OAuth 2 issuer whose JWTs are accepted (default: embedded).")
  String authIssuer;

  @Option(
      names = "--auth-audience",
      paramLabel = "AUD",
      description = "Audience external tokens must carry (${DEFAULT-VALUE}).")
  String authAudience = AuthSettings.DEFAULT_AUDIENCE;

  @Option(
      names = "--auth-introspection-url",
      paramLabel = "URL",
      description = "RFC 7662 introspection endpoint for opaque tokens.")
  URI introspectionUrl;

  @Option(
      names = "--auth-introspection-client",
      paramLabel = "ID",
      description = "Client id for introspection (secret: FUNCX_INTROSPECTION_SECRET).")
  String introspectionClient;

  @Option(names = "--auth-sdk-client", paramLabel = "ID", description = "The SDK's client id.")
  String sdkClient;

  @Option(
      names = "--max-queued-tasks-per-user",
      paramLabel = "N",
      description = "Unfinished tasks one user may have (${DEFAULT-VALUE}).")
  long maxQueuedPerUser = UnfinishedTaskQuotas.Limits.DEFAULT.perUser();

  @Option(
      names = "--max-queued-tasks-per-endpoint",
      paramLabel = "N",
      description = "Unfinished tasks one endpoint may have (${DEFAULT-VALUE}).")
  long maxQueuedPerEndpoint = UnfinishedTaskQuotas.Limits.DEFAULT.perEndpoint();

  @Option(
      names = "--metrics-token-file",
      paramLabel = "FILE",
      description = "Bearer token for GET /metrics (or FUNCX_METRICS_TOKEN_FILE).")
  Path metricsTokenFile = environmentPath("FUNCX_METRICS_TOKEN_FILE");

  // Dependency resolution: values go through RepositorySettings.fromOptions, their one reader.
  @Option(
      names = RepositorySettings.MIRROR_OPTION,
      paramLabel = "URL",
      description = "Maven repository that replaces Maven Central.")
  String mavenMirror;

  @Option(
      names = RepositorySettings.OFFLINE_OPTION,
      paramLabel = "true|false",
      description = "Resolve only from the local repository.")
  String mavenOffline;

  @Option(
      names = RepositorySettings.LOCAL_OPTION,
      paramLabel = "DIR",
      description = "Local Maven repository.")
  String mavenLocalRepository;

  @Option(
      names = RepositorySettings.TIMEOUT_OPTION,
      paramLabel = "N",
      description = "Bound on one dependency resolution.")
  String dependencyTimeoutSeconds;

  ServiceConfig toConfig() {
    AuthSettings auth =
        authIssuer == null
            ? AuthSettings.embedded()
            : AuthSettings.externalJwt(authIssuer, authAudience);
    if (sdkClient != null) auth = auth.withSdkClientId(sdkClient);
    if (introspectionUrl != null) {
      auth =
          auth.withIntrospection(
              introspectionUrl, introspectionClient, System.getenv("FUNCX_INTROSPECTION_SECRET"));
    }
    TlsSettings tls = new TlsSettings(tlsCertificate, tlsKey, tlsSelfSigned, insecureHttp);
    tls.checkBind(host);
    ServiceConfig config =
        ServiceConfig.defaults(data)
            .withStore(store.settings(registryUrl))
            .withPorts(httpPort, forwarderPort)
            .withHost(host)
            .withTls(tls)
            .withRegistryUrl(registryUrl)
            .withAdvertisedForwarder(advertisedForwarder)
            .withAuth(auth)
            .withPublicUrl(publicUrl)
            .withQueueLimits(
                new UnfinishedTaskQuotas.Limits(maxQueuedPerUser, maxQueuedPerEndpoint))
            .withMetricsTokenFile(metricsTokenFile)
            .withRepositories(RepositorySettings.fromOptions(repositoryOptions()));
    return taskTtlSeconds == null ? config : config.withTaskTtl(Duration.ofSeconds(taskTtlSeconds));
  }

  private Map<String, String> repositoryOptions() {
    Map<String, String> options = new HashMap<>();
    putIfSet(options, RepositorySettings.MIRROR_OPTION, mavenMirror);
    putIfSet(options, RepositorySettings.OFFLINE_OPTION, mavenOffline);
    putIfSet(options, RepositorySettings.LOCAL_OPTION, mavenLocalRepository);
    putIfSet(options, RepositorySettings.TIMEOUT_OPTION, dependencyTimeoutSeconds);
    return options;
  }

  private static void putIfSet(Map<String, String> options, String name, String value) {
    if (value != null) options.put(name, value);
  }

  private static Path environmentPath(String variable) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? null : Path.of(value);
  }

  /** {@code --version}: the build's version and the wire protocol's, which agents must match. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "funcx-service "
            + WireProtocol.productVersion()
            + " (wire protocol "
            + WireProtocol.VERSION
            + ")"
      };
    }
  }
}
