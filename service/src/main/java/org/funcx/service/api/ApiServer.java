package org.funcx.service.api;

import static io.javalin.apibuilder.ApiBuilder.delete;
import static io.javalin.apibuilder.ApiBuilder.get;
import static io.javalin.apibuilder.ApiBuilder.path;
import static io.javalin.apibuilder.ApiBuilder.post;
import static io.javalin.apibuilder.ApiBuilder.put;
import static org.funcx.service.auth.Scope.ADMIN;
import static org.funcx.service.auth.Scope.COMPUTE;
import static org.funcx.service.auth.Scope.ENDPOINT;

import com.google.gson.JsonObject;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.json.JavalinGson;
import java.util.Map;
import org.funcx.core.json.Json;
import org.funcx.core.rest.ErrorAnswer;
import org.funcx.core.rest.RestFieldException;
import org.funcx.core.rest.VersionAnswer;
import org.funcx.service.ServiceConfig;
import org.funcx.service.auth.InstanceProof;
import org.funcx.service.auth.ServiceAuth;
import org.funcx.service.forward.Forwarder;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.QuotaExceededException;
import org.funcx.service.store.Registry;
import org.funcx.service.store.StoreUnavailableException;
import org.funcx.service.store.TaskStorage;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.funcx.service.tls.ServiceTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The REST API and WebSocket of the service; the route table reads as the API's outline. */
public final class ApiServer implements AutoCloseable {
  public static final String VERSION = org.funcx.core.wire.WireProtocol.productVersion();
  private static final Logger log = LoggerFactory.getLogger(ApiServer.class);

  /** Retry-After of a 429 {@code quota_exceeded}. */
  static final int QUOTA_RETRY_AFTER_SECONDS = 30;

  /**
   * Longest a request's read or write may wait without progress (Jetty's request idle timeout):
   * ends a body that stops altogether; bodies that trickle are {@link SlowBodyGuard}'s.
   */
  static final long REQUEST_IO_IDLE_MILLIS = 30_000;

  /** Jetty threads serving requests: the pool's size. */
  static final int MAX_THREADS = 64;

  /** Requests of one client address in progress at once (429 above), half the threads. */
  static final int THREADS_PER_ADDRESS = 32;

  private final Javalin app;
  private final DependencyCheck dependencies;

  public ApiServer(
      ServiceConfig config,
      Registry registry,
      TaskStorage store,
      LiveTaskStates live,
      FunctionCatalog catalog,
      Forwarder forwarder,
      ResultPushHub push,
      ServiceAuth auth,
      UnfinishedTaskQuotas quotas,
      ServiceMetrics metrics,
      org.funcx.service.auth.MetricsToken metricsToken,
      ServiceTls tls) {
    String forwarderAddress =
        config.advertisedForwarder() != null
            ? config.advertisedForwarder()
            : "tcp://" + config.host() + ":" + forwarder.port();
    this.dependencies = new DependencyCheck(config.repositories());
    var functions = new FunctionsApi(registry, catalog, dependencies);
    var endpoints = new EndpointsApi(registry, forwarder, auth.accounts(), forwarderAddress);
    var users = new UsersApi(auth.accounts());
    var tasks = new TasksApi(new TaskReader(store, live), store, forwarder);
    var output = new OutputApi(new TaskReader(store, live), forwarder.liveOutput());
    var recentGroups = new org.funcx.service.store.RecentGroups();
    var submit =
        new SubmitApi(
            store,
            registry,
            catalog,
            forwarder,
            quotas,
            config.maxArgsBytes(),
            config.maxRequestBytes(),
            metrics,
            recentGroups);
    var activity = new ActivityApi(new TaskReader(store, live), recentGroups);
    var dashboard = new DashboardPage(auth.dashboardLogin());
    var scrapes = new MetricsApi(metrics, metricsToken, auth.gate());
    this.app =
        Javalin.create(
            c -> {
              c.showJavalinBanner = false;
              // Bodies Javalin reads whole (forms); JSON routes read through LimitedBody, submit
              // streams.
              c.http.maxRequestSize = Requests.MAX_JSON_BODY_BYTES;
              c.jsonMapper(new JavalinGson(Json.GSON, false));
              c.requestLogger.http(
                  (ctx, millis) ->
                      metrics.request(
                          RouteLabel.of(ctx), ctx.statusCode(), (long) (millis * 1_000_000)));
              c.jetty.threadPool =
                  new org.eclipse.jetty.util.thread.QueuedThreadPool(MAX_THREADS, 4, 60_000);
              c.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
              c.jetty.modifyHttpConfiguration(http -> http.setIdleTimeout(REQUEST_IO_IDLE_MILLIS));
              // HTTPS replaces Javalin's default plain connector (made only when none was added).
              if (tls != null) {
                c.jetty.addConnector(
                    (server, http) ->
                        tls.connector(server, http, config.host(), config.httpPort()));
              }
              // Slow clients: at most THREADS_PER_ADDRESS requests per address, bodies at a minimum
              // rate.
              c.jetty.modifyServletContextHandler(
                  handler -> {
                    var requests = java.util.EnumSet.of(jakarta.servlet.DispatcherType.REQUEST);
                    handler.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(
                            new RequestsPerAddress(THREADS_PER_ADDRESS)),
                        "/*",
                        requests);
                    handler.addFilter(
                        new org.eclipse.jetty.servlet.FilterHolder(new SlowBodyGuard()),
                        "/*",
                        requests);
                  });
              // Each route names the token scopes that admit it; a route without scopes is open.
              c.router.apiBuilder(
                  () ->
                      path(
                          "v2",
                          () -> {
                            get(
                                "version",
                                ctx ->
                                    ctx.json(
                                        new VersionAnswer(
                                                "v2",
                                                VERSION,
                                                forwarderAddress,
                                                forwarder.publicKey(),
                                                Json.GSON
                                                    .toJsonTree(auth.discovery())
                                                    .getAsJsonObject())
                                            .toJson()));
                            // Open: the CLI asks before it sends any credential (see
                            // InstanceProof).
                            get(
                                "instance_proof",
                                ctx ->
                                    ctx.json(
                                        Map.of(
                                            "port",
                                            config.httpPort(),
                                            "proof",
                                            instanceProof(
                                                auth,
                                                config.httpPort(),
                                                ctx.queryParam("nonce")))));
                            get("whoami", users::whoami, COMPUTE, ENDPOINT, ADMIN);
                            post("users", users::create, ADMIN);
                            post("clients", users::createClient, COMPUTE);
                            get("clients", users::listClients, COMPUTE);
                            delete("clients/{id}", users::deleteClient, COMPUTE);
                            post("functions", functions::register, COMPUTE);
                            get("functions/{id}", functions::get, COMPUTE);
                            put("functions/{id}/sharing", functions::share, COMPUTE);
                            delete("functions/{id}", functions::delete, COMPUTE);
                            post("endpoints", endpoints::register, COMPUTE);
                            get("endpoints", endpoints::list, COMPUTE);
                            get("endpoints/{id}", endpoints::get, COMPUTE, ENDPOINT);
                            get("endpoints/{id}/status", endpoints::status, COMPUTE, ENDPOINT);
                            put("endpoints/{id}/sharing", endpoints::share, COMPUTE);
                            delete("endpoints/{id}", endpoints::delete, COMPUTE);
                            post("submit", submit::submit, COMPUTE);
                            get("tasks/{id}", tasks::get, COMPUTE);
                            get("tasks/{id}/result", tasks::result, COMPUTE);
                            get("tasks/{id}/output", output::output, COMPUTE);
                            post("tasks/{id}/cancel", tasks::cancel, COMPUTE);
                            post("batch_status", tasks::batchStatus, COMPUTE);
                            get("task_groups/{id}", tasks::group, COMPUTE);
                            get("activity", activity::activity, COMPUTE);
                            get("activity/charts/{name}", activity::chart, COMPUTE);
                          }));
              // Open to the gate: the handler admits administrators or the metrics token.
              c.router.apiBuilder(() -> get("metrics", scrapes::scrape));
              // Open: a page and its script; every figure on it comes from /v2 with the user's
              // token.
              c.router.apiBuilder(
                  () -> {
                    get("dashboard", dashboard::page);
                    get("dashboard/dashboard.js", dashboard::script);
                  });
            });
    app.beforeMatched(RouteLabel::remember); // first: refused requests are labelled too
    auth.install(app);
    var limiter = new RateLimiter(config.requestsPerSecond());
    app.before("/v2/*", limiter::check);
    app.before("/oauth/*", limiter::check);
    app.before("/device", limiter::check);
    app.before("/metrics", limiter::check);
    app.before("/dashboard", limiter::check);
    app.before("/dashboard/*", limiter::check);
    app.wsBeforeUpgrade("/v2/ws", ctx -> auth.gate().authenticate(ctx, java.util.Set.of(COMPUTE)));
    app.ws("/v2/ws", push::configure);
    app.exception(
        ApiException.class,
        (e, ctx) -> {
          if (e.status() == 401) {
            ctx.header("WWW-Authenticate", "Bearer realm=\"funcx\", error=\"invalid_token\"");
          }
          if (e instanceof SlowBodyGuard.TooSlowException) ctx.header("Connection", "close");
          ctx.status(e.status()).json(error(e.status(), e.code(), e.getMessage(), e.details()));
        });
    // A request body's field missing or of the wrong type, as the REST records read it.
    app.exception(
        RestFieldException.class,
        (e, ctx) -> ctx.status(400).json(error(400, e.code(), e.getMessage(), Map.of())));
    app.exception(
        HttpResponseException.class,
        (e, ctx) -> {
          String code =
              switch (e.getStatus()) {
                case 404 -> "no_such_route";
                case 405 -> "method_not_allowed";
                case 413 -> "payload_too_large";
                default -> "http_" + e.getStatus();
              };
          String message =
              e.getStatus() == 404 ? "no route " + ctx.method() + " " + ctx.path() : e.getMessage();
          ctx.status(e.getStatus()).json(error(e.getStatus(), code, message, Map.of()));
        });
    app.exception(
        QuotaExceededException.class,
        (e, ctx) -> {
          // Tasks finish at the endpoint's pace, unknown here: a fixed, modest wait.
          ctx.header("Retry-After", String.valueOf(QUOTA_RETRY_AFTER_SECONDS));
          String quota = e.quota().name().toLowerCase(java.util.Locale.ROOT);
          ctx.status(429)
              .json(
                  error(
                      429,
                      "quota_exceeded",
                      e.getMessage() + "; nothing of this" + " submission was stored",
                      Map.of(
                          "quota",
                          quota,
                          "id",
                          e.id(),
                          "limit",
                          e.limit(),
                          "current",
                          e.current(),
                          "requested",
                          e.requested(),
                          "retry_after_s",
                          QUOTA_RETRY_AFTER_SECONDS)));
        });
    app.exception(
        StoreUnavailableException.class,
        (e, ctx) -> {
          log.warn("{} {}: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", "5")
              .status(503)
              .json(
                  error(
                      503,
                      "storage_unavailable",
                      "the service cannot use its task store now ("
                          + e.getMessage()
                          + "); nothing was"
                          + " changed by this request; retry later",
                      Map.of()));
        });
    app.exception(
        Exception.class,
        (e, ctx) -> {
          log.error("unexpected error on {} {}", ctx.method(), ctx.path(), e);
          ctx.status(500).json(error(500, "internal_error", e.toString(), Map.of()));
        });
    if (tls != null) {
      app.start();
    } else {
      app.start(config.host(), config.httpPort());
    }
  }

  private static String instanceProof(ServiceAuth auth, int port, String nonce) {
    if (!InstanceProof.validNonce(nonce)) {
      throw ApiException.badRequest(
          "invalid_nonce",
          "nonce must be "
              + InstanceProof.MIN_NONCE_CHARS
              + " to "
              + InstanceProof.MAX_NONCE_CHARS
              + " URL-safe base64 characters");
    }
    return auth.instanceProof().prove(port, nonce);
  }

  /** The error body of every route, as {@link ErrorAnswer} declares it for service and SDK. */
  static JsonObject error(int status, String code, String message, Map<String, ?> details) {
    return new ErrorAnswer(status, code, message, Json.GSON.toJsonTree(details).getAsJsonObject())
        .toJson();
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
    dependencies.close();
  }
}
