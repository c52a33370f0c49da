package org.funcx.client.auth;

import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationRequest;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationResponse;
import com.nimbusds.oauth2.sdk.device.DeviceAuthorizationSuccessResponse;
import com.nimbusds.oauth2.sdk.device.DeviceCode;
import com.nimbusds.oauth2.sdk.device.DeviceCodeGrant;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import java.net.URI;
import java.time.Duration;
import org.funcx.client.FuncXException;

/**
 * A device-flow login (RFC 8628), as a notebook or terminal does it: {@link #start} gets a code
 * and a link to show the user, {@link Pending#await} polls until the user approved, then the
 * tokens are saved in the store for every later client of that service.
 */
public final class DeviceLogin {
  /** The scope a user's login asks for. */
  public static final String USER_SCOPE = "funcx:compute";

  private DeviceLogin() {}

  /** A login waiting for the user. */
  public record Pending(
      StoredCredentials credentials,
      AuthDiscovery endpoints,
      String deviceCode,
      String userCode,
      URI verificationUri,
      URI verificationUriComplete,
      long intervalMillis,
      long expiresAtMillis) {

    /** Polls the token endpoint until approved, denied or expired; saves and returns the tokens. */
    public TokenStore.Tokens await(Duration timeout) throws InterruptedException {
      long deadline = Math.min(expiresAtMillis, System.currentTimeMillis() + timeout.toMillis());
      long interval = intervalMillis;
      ClientID client = new ClientID(endpoints.clientId());
      while (System.currentTimeMillis() < deadline) {
        Thread.sleep(interval);
        try {
          TokenStore.Tokens tokens =
              OAuthCalls.send(
                  new TokenRequest(
                      endpoints.tokenEndpoint(),
                      client,
                      new DeviceCodeGrant(new DeviceCode(deviceCode)),
                      null),
                  endpoints.clientId(),
                  credentials.tls());
          credentials.store().saveTokens(credentials.url(), tokens);
          return tokens;
        } catch (OAuthCalls.OAuthRefused e) {
          switch (e.error) {
            case "authorization_pending" -> {}
            case "slow_down" -> interval += 1_000;
            case "access_denied" ->
                throw new FuncXException(403, "login_denied", "the login was denied");
            default -> throw new FuncXException(401, "login_failed", e.getMessage());
          }
        }
      }
      throw new FuncXException(
          401, "login_expired", "the login was not approved in time; start again");
    }
  }

  /** Asks the service's issuer for a device code. */
  public static Pending start(StoredCredentials credentials) {
    AuthDiscovery endpoints = credentials.endpoints();
    if (endpoints.deviceAuthorizationEndpoint() == null) {
      throw new FuncXException(
          0,
          "no_device_flow",
          "the identity provider of "
              + credentials.url()
              + " offers no device login; use client credentials");
    }
    DeviceAuthorizationResponse response;
    try {
      HTTPRequest http =
          new DeviceAuthorizationRequest(
                  endpoints.deviceAuthorizationEndpoint(),
                  new ClientID(endpoints.clientId()),
                  new Scope(USER_SCOPE))
              .toHTTPRequest();
      response =
          DeviceAuthorizationResponse.parse(OAuthCalls.prepare(http, credentials.tls()).send());
    } catch (Exception e) {
      throw new FuncXException(
          0,
          "unreachable",
          "cannot start a login at " + endpoints.deviceAuthorizationEndpoint() + ": " + e,
          e);
    }
    if (!response.indicatesSuccess()) {
      throw new FuncXException(
          401,
          "login_failed",
          "the identity provider refused the login: "
              + response.toErrorResponse().getErrorObject());
    }
    DeviceAuthorizationSuccessResponse ok = response.toSuccessResponse();
    return new Pending(
        credentials,
        endpoints,
        ok.getDeviceCode().getValue(),
        ok.getUserCode().getValue(),
        ok.getVerificationURI(),
        ok.getVerificationURIComplete(),
        Math.max(1, ok.getInterval()) * 1000L,
        System.currentTimeMillis() + ok.getLifetime() * 1000);
  }
}
