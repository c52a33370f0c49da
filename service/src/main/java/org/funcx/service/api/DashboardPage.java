package org.funcx.service.api;

import com.google.gson.Gson;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code /dashboard}: a page and its script for a browser. The page holds no data: the script
 * signs the browser in with the authorization code flow and PKCE, keeps the access token in the
 * tab's sessionStorage, and reads every figure from the same {@code /v2} API the SDK uses, with
 * that token, so a user sees exactly what the API shows them.
 */
final class DashboardPage {
  private static final String RESOURCES = "/org/funcx/service/dashboard/";
  private final String html;
  private final String script;
  private final String policy;

  DashboardPage(Map<String, Object> login) {
    // Gson escapes <, > and & in strings: the JSON cannot end the script element it sits in.
    this.html = resource("dashboard.html").replace("{{login}}", new Gson().toJson(login));
    this.script = resource("dashboard.js");
    // The token endpoint may be an external provider's: the script posts the code there.
    String tokenOrigin = origin(String.valueOf(login.get("token_endpoint")));
    this.policy =
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; connect-src 'self'"
            + (tokenOrigin == null ? "" : " " + tokenOrigin)
            + "; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";
  }

  void page(Context ctx) {
    headers(ctx).html(html);
  }

  void script(Context ctx) {
    headers(ctx).contentType("text/javascript; charset=utf-8").result(script);
  }

  private Context headers(Context ctx) {
    return ctx.header("Content-Security-Policy", policy)
        .header("X-Frame-Options", "DENY")
        .header("X-Content-Type-Options", "nosniff")
        .header("Referrer-Policy", "no-referrer")
        .header("Cache-Control", "no-store");
  }

  private static String origin(String url) {
    try {
      URI u = URI.create(url);
      return u.getScheme() == null || u.getAuthority() == null
          ? null
          : u.getScheme() + "://" + u.getAuthority();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String resource(String name) {
    try (InputStream in = DashboardPage.class.getResourceAsStream(RESOURCES + name)) {
      if (in == null) throw new IllegalStateException("missing resource " + RESOURCES + name);
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
