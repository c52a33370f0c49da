package org.funcx.service.api;

import io.javalin.http.Context;
import java.util.Set;
import org.funcx.service.auth.AuthGate;
import org.funcx.service.auth.MetricsToken;
import org.funcx.service.auth.Scope;
import org.funcx.service.metrics.ServiceMetrics;

/**
 * {@code GET /metrics}: the service's figures in the Prometheus text format, for administrators
 * or the holder of the metrics token (a Prometheus server). Without a token 401, with a user's
 * token 403, as every other route.
 */
final class MetricsApi {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final ServiceMetrics metrics;
  private final MetricsToken token;
  private final AuthGate gate;

  /** @param token null when only administrators may read the figures */
  MetricsApi(ServiceMetrics metrics, MetricsToken token, AuthGate gate) {
    this.metrics = metrics;
    this.token = token;
    this.gate = gate;
  }

  void scrape(Context ctx) {
    if (token == null || !token.matches(bearer(ctx))) gate.authenticate(ctx, Set.of(Scope.ADMIN));
    ctx.contentType(CONTENT_TYPE).result(metrics.scrape());
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) return null;
    return header.substring(7).trim();
  }
}
