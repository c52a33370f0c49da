package org.funcx.client;

import java.util.List;

/**
 * What registering an endpoint gives its agent: the endpoint, the forwarder's address and CURVE
 * public key, and client credentials (scope {@code funcx:endpoint}) shown only this once.
 */
public record EndpointRegistration(
    EndpointInfo endpoint,
    String forwarderPublicKey,
    String clientId,
    String clientSecret,
    List<String> allowedFunctions) {}
