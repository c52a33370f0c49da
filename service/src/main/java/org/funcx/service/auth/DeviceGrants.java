package org.funcx.service.auth;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pending device authorizations (RFC 8628): a device code the notebook polls with, a short user
 * code the person types on the approval page. Kept in memory: they live for minutes, and a
 * restart simply asks the user to log in again.
 */
final class DeviceGrants {
  /** Letters without vowels or look-alikes, as RFC 8628 §6.1 suggests. */
  private static final String ALPHABET = "BCDFGHJKLMNPQRSTVWXZ";

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Map<String, Pending> byDeviceCode = new ConcurrentHashMap<>();
  private final Map<String, Pending> byUserCode = new ConcurrentHashMap<>();
  private final long lifetimeMillis;
  private final long intervalMillis;

  DeviceGrants(long lifetimeMillis, long intervalMillis) {
    this.lifetimeMillis = lifetimeMillis;
    this.intervalMillis = intervalMillis;
  }

  /** One authorization waiting for the user. Its fields change under its own lock. */
  static final class Pending {
    final String deviceCode;
    final String userCode;
    final String clientId;
    final Set<String> scopes;
    final long expiresAtMillis;
    String approvedUserId;
    boolean denied;
    long lastPollMillis;

    Pending(
        String deviceCode, String userCode, String clientId, Set<String> scopes, long expiresAt) {
      this.deviceCode = deviceCode;
      this.userCode = userCode;
      this.clientId = clientId;
      this.scopes = scopes;
      this.expiresAtMillis = expiresAt;
    }

    boolean expired(long now) {
      return now > expiresAtMillis;
    }
  }

  long intervalMillis() {
    return intervalMillis;
  }

  long lifetimeMillis() {
    return lifetimeMillis;
  }

  Pending start(String clientId, Set<String> scopes) {
    purge();
    Pending p =
        new Pending(
            Secrets.random(32),
            userCode(),
            clientId,
            scopes,
            System.currentTimeMillis() + lifetimeMillis);
    byDeviceCode.put(p.deviceCode, p);
    byUserCode.put(p.userCode, p);
    return p;
  }

  Optional<Pending> byUserCode(String typed) {
    if (typed == null) return Optional.empty();
    String normalized = typed.toUpperCase().replaceAll("[^A-Z]", "");
    if (normalized.length() != 8) return Optional.empty();
    Pending p = byUserCode.get(normalized.substring(0, 4) + "-" + normalized.substring(4));
    return p == null || p.expired(System.currentTimeMillis()) ? Optional.empty() : Optional.of(p);
  }

  Optional<Pending> byDeviceCode(String code) {
    return code == null ? Optional.empty() : Optional.ofNullable(byDeviceCode.get(code));
  }

  void finish(Pending p) {
    byDeviceCode.remove(p.deviceCode);
    byUserCode.remove(p.userCode);
  }

  private void purge() {
    long now = System.currentTimeMillis();
    byDeviceCode.values().removeIf(p -> p.expired(now));
    byUserCode.values().removeIf(p -> p.expired(now));
  }

  private static String userCode() {
    StringBuilder b = new StringBuilder(9);
    for (int i = 0; i < 8; i++) {
      if (i == 4) b.append('-');
      b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return b.toString();
  }
}
