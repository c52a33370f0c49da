package org.funcx.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.funcx.client.auth.Credentials;
import org.funcx.client.tls.ServerTrust;
import org.funcx.core.json.Json;
import org.funcx.core.rest.ErrorAnswer;
import org.funcx.core.rest.RestFieldException;

/**
 * How the SDK talks HTTP to the service: bearer tokens, a retry after a 401 with a fresh token,
 * retries of momentary 429s, and the service's error bodies as {@link FuncXException}s. What the
 * bodies mean is the REST records' business ({@code org.funcx.core.rest}), not this class's.
 */
final class RestTransport {
  /** The one route that needs no token, and whose 401 is no reason to fetch one. */
  private static final String OPEN_PATH = "/v2/version";

  private final String baseUrl;
  private final HttpClient http;
  private final Credentials credentials;

  RestTransport(String baseUrl, HttpClient http, Credentials credentials) {
    this.baseUrl = baseUrl;
    this.http = http;
    this.credentials = credentials;
  }

  /** A JSON object answer read into a record by {@code reader}; unreadable is a FuncXException. */
  <T> T call(
      String method,
      String path,
      JsonElement body,
      java.util.function.Function<JsonObject, T> reader) {
    JsonElement answer = call(method, path, body);
    try {
      if (!answer.isJsonObject()) {
        throw new RestFieldException(
            RestFieldException.INVALID, "", "the answer is not a JSON object");
      }
      return reader.apply(answer.getAsJsonObject());
    } catch (RestFieldException e) {
      throw new FuncXException(
          0,
          "invalid_answer",
          "the answer of "
              + baseUrl
              + " to "
              + method
              + " "
              + path
              + " cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Calls the API; a 401 drops the cached token and retries once with a fresh one. A 429 for
   * momentary load (too many requests at once from this address, or per second) is retried after
   * a growing pause: the service refused it before doing anything, so the retry is safe. A
   * quota or sign-in 429 is the caller's to handle.
   */
  JsonElement call(String method, String path, JsonElement body) {
    long pauseMillis = 50;
    for (int attempt = 1; ; attempt++) {
      try {
        return callAuthorized(method, path, body);
      } catch (FuncXException e) {
        boolean momentary =
            e.status() == 429
                && ("too_many_concurrent_requests".equals(e.code())
                    || "rate_limited".equals(e.code()));
        if (!momentary || attempt == FuncXClient.BUSY_RETRIES) throw e;
      }
      try {
        Thread.sleep(pauseMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new FuncXException(0, "interrupted", "interrupted while calling " + path, e);
      }
      pauseMillis = Math.min(1_000, pauseMillis * 2);
    }
  }

  /**
   * A binary answer read as it arrives by {@code reader} (e.g. an Arrow table), never held whole;
   * {@code what} names it in errors.
   */
  <T> T stream(String path, String what, StreamReader<T> reader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofMinutes(10)).GET();
    authorize(request);
    try {
      HttpResponse<InputStream> response =
          http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream body = response.body()) {
        if (response.statusCode() >= 400) {
          throw error(
              response.statusCode(),
              parse(new String(body.readAllBytes(), StandardCharsets.UTF_8)),
              path);
        }
        return reader.read(body);
      }
    } catch (IOException e) {
      throw ServerTrust.explain(baseUrl, "cannot fetch " + what + " from " + baseUrl, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FuncXException(0, "interrupted", "interrupted fetching " + what, e);
    }
  }

  @FunctionalInterface
  interface StreamReader<T> {
    T read(InputStream body) throws IOException;
  }

  /** Adds the bearer token, if there is one. */
  void authorize(HttpRequest.Builder request) {
    String token = credentials.accessToken();
    if (token != null) request.setHeader("Authorization", "Bearer " + token);
  }

  /** The bearer token for a WebSocket upgrade, or null. */
  String accessToken() {
    return credentials.accessToken();
  }

  private JsonElement callAuthorized(String method, String path, JsonElement body) {
    try {
      return callOnce(method, path, body);
    } catch (FuncXException e) {
      if (e.status() != 401 || path.equals(OPEN_PATH)) throw e;
      credentials.rejected();
      return callOnce(method, path, body);
    }
  }

  private JsonElement callOnce(String method, String path, JsonElement body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(baseUrl + path))
            .timeout(Duration.ofMinutes(2))
            .header("Accept", "application/json");
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(Json.GSON.toJson(body)));
    }
    if (!path.equals(OPEN_PATH)) authorize(request);
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw ServerTrust.explain(baseUrl, "funcX service at " + baseUrl + " is unreachable", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new FuncXException(0, "interrupted", "interrupted while calling " + path, e);
    }
    JsonElement answer = parse(response.body());
    if (response.statusCode() >= 400) throw error(response.statusCode(), answer, path);
    return answer;
  }

  private static JsonElement parse(String text) {
    try {
      return text.isEmpty() ? new JsonObject() : JsonParser.parseString(text);
    } catch (RuntimeException e) {
      JsonObject o = new JsonObject();
      o.addProperty("message", text);
      return o;
    }
  }

  private static FuncXException error(int status, JsonElement answer, String path) {
    ErrorAnswer error =
        ErrorAnswer.fromJson(
            status, answer.isJsonObject() ? answer.getAsJsonObject() : new JsonObject());
    String message =
        error.message() != null
            ? error.message()
            : "request " + path + " failed with HTTP " + status;
    if (error.diagnostics() != null) message += "\n" + error.diagnostics();
    return new FuncXException(status, error.code(), message);
  }
}
