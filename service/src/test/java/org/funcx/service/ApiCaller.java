package org.funcx.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** HTTP(S) calls to a service with a chosen bearer token (or none), for authorization tests. */
final class ApiCaller {
  private final HttpClient http;
  private final String url;

  ApiCaller(String url) {
    this(url, HttpClient.newBuilder());
  }

  /** Calls over HTTPS trusting {@code tls}. */
  ApiCaller(String url, javax.net.ssl.SSLContext tls) {
    this(url, HttpClient.newBuilder().sslContext(tls));
  }

  private ApiCaller(String url, HttpClient.Builder http) {
    this.url = url;
    this.http = http.version(HttpClient.Version.HTTP_1_1).build();
  }

  record Answer(int status, JsonObject body, String wwwAuthenticate, String retryAfter) {
    String code() {
      return body.has("code") ? body.get("code").getAsString() : null;
    }
  }

  Answer call(String token, String method, String path, String body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(url + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (token != null) request.header("Authorization", "Bearer " + token);
    var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    JsonObject json;
    try {
      json = JsonParser.parseString(response.body()).getAsJsonObject();
    } catch (RuntimeException e) {
      json = new JsonObject();
    }
    return new Answer(
        response.statusCode(),
        json,
        response.headers().firstValue("WWW-Authenticate").orElse(null),
        response.headers().firstValue("Retry-After").orElse(null));
  }

  /** Registers the identity function {@code int id(int x)} as {@code token}; returns its id. */
  String registerIdentity(String token) throws Exception {
    return call(
            token, "POST", "/v2/functions", "{\"function_code\":\"int id(int x) { return x; }\"}")
        .body()
        .get("function_id")
        .getAsString();
  }
}
