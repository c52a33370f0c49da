package org.funcx.service.api;

import io.javalin.http.Context;

/**
 * The {@code route} label of a request's figures: the matched route's template
 * ({@code /v2/tasks/{id}}), never the path, so ids and probes for made-up paths do not become
 * label values; requests no route matched share one label.
 */
final class RouteLabel {
  static final String UNMATCHED = "unmatched";
  private static final String ATTRIBUTE = "funcx.route";

  private RouteLabel() {}

  /** Runs only for requests a route matched: remembers its template. */
  static void remember(Context ctx) {
    ctx.attribute(ATTRIBUTE, ctx.endpointHandlerPath());
  }

  static String of(Context ctx) {
    String route = ctx.attribute(ATTRIBUTE);
    return route == null || route.isEmpty() ? UNMATCHED : route;
  }
}
