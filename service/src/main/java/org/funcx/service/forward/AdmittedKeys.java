package org.funcx.service.forward;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.ZAuth;
import org.zeromq.ZMsg;

/**
 * The CURVE public keys of registered endpoints, consulted by the forwarder's ZAP handler: a
 * connection is admitted only with a registered key, and its ZAP User-Id is that key, which the
 * forwarder maps back to the endpoint (so a revoked or replaced key stops counting at once).
 * Written by REST threads, read by the ZAP and forwarder threads.
 */
public final class AdmittedKeys implements ZAuth.Auth {
  private final Map<String, String> endpointByKey = new ConcurrentHashMap<>();
  private final Map<String, String> keyByEndpoint = new ConcurrentHashMap<>();
  private final AtomicLong denied = new AtomicLong();

  /** Admits {@code key} for the endpoint, replacing its previous key (null: none). */
  public void admit(String endpointId, String key) {
    revoke(endpointId);
    if (key == null) return;
    endpointByKey.put(key, endpointId);
    keyByEndpoint.put(endpointId, key);
  }

  public void revoke(String endpointId) {
    String old = keyByEndpoint.remove(endpointId);
    if (old != null) endpointByKey.remove(old, endpointId);
  }

  /** The endpoint a connection authenticated with {@code key} speaks for, if still admitted. */
  public Optional<String> endpointOf(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(endpointByKey.get(key));
  }

  /** Connections refused so far (unknown keys). */
  public long denied() {
    return denied.get();
  }

  @Override
  public boolean configure(ZMsg msg, boolean verbose) {
    return true;
  }

  @Override
  public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
    if (request.clientKey != null && endpointByKey.containsKey(request.clientKey)) {
      request.userId = request.clientKey;
      return true;
    }
    denied.incrementAndGet();
    return false;
  }
}
