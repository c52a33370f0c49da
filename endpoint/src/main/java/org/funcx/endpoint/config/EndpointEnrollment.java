package org.funcx.endpoint.config;

import java.io.IOException;
import java.nio.file.Path;
import org.funcx.client.EndpointRegistration;
import org.funcx.client.FuncXClient;
import org.funcx.client.auth.TokenStore;

/**
 * Registers an endpoint as its owner (with {@code owner}'s client): makes its CURVE keys if
 * needed, registers their public half and the allowed functions, and keeps the agent's fresh
 * client credentials in the endpoint directory ({@code clients.json}, 0600), dropping old tokens.
 */
public final class EndpointEnrollment {
  private EndpointEnrollment() {}

  /** Returns the config with the endpoint id the service gave (or kept). */
  public static EndpointConfig register(FuncXClient owner, Path endpointDir, EndpointConfig config)
      throws IOException {
    EndpointKeys keys = EndpointKeys.loadOrCreate(endpointDir);
    EndpointRegistration registration =
        owner.registerEndpoint(
            config.name(), config.endpointId(), keys.publicKey(), config.allowedFunctions());
    TokenStore agent = new TokenStore(endpointDir);
    agent.saveTokens(config.serviceUrl(), null);
    agent.saveClient(
        config.serviceUrl(),
        new TokenStore.ClientSecret(registration.clientId(), registration.clientSecret()));
    return config.withEndpointId(registration.endpoint().id());
  }
}
