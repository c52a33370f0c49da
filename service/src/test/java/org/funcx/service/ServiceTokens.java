package org.funcx.service;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;
import org.funcx.service.auth.ServiceAuth;

/** Tokens for tests: the local administrator's through the real token endpoint, or minted. */
final class ServiceTokens {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  private ServiceTokens() {}

  /** The administrator's access token by client credentials, from the file the service wrote. */
  static String admin(FuncxService service, Path dataDir) throws Exception {
    JsonObject c =
        JsonParser.parseString(Files.readString(dataDir.resolve(ServiceAuth.LOCAL_CLIENT_FILE)))
            .getAsJsonObject();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (c.get("client_id").getAsString() + ":" + c.get("client_secret").getAsString())
                    .getBytes(StandardCharsets.UTF_8));
    var response =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(service.url() + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) throw new IllegalStateException(response.body());
    return JsonParser.parseString(response.body())
        .getAsJsonObject()
        .get("access_token")
        .getAsString();
  }

  /** A token the embedded issuer signs for any principal (e.g. a user with chosen groups). */
  static String mint(FuncxService service, String subject, Set<String> groups, Scope... scopes) {
    Set<String> claims = new java.util.LinkedHashSet<>();
    for (Scope s : scopes) claims.add(s.claim());
    return service
        .auth()
        .issuer()
        .accessToken(
            new Principal(subject, subject, claims, groups, null), "test", Duration.ofMinutes(10));
  }
}
