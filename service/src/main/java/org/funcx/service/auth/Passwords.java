package org.funcx.service.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Password hashes: PBKDF2-HMAC-SHA256 with a random salt, stored as {@code pbkdf2$iter$salt$hash}. */
final class Passwords {
  private static final int ITERATIONS = 120_000;
  private static final AtomicLong DERIVATIONS = new AtomicLong();

  /** Checked against for unknown users, so they cost what known ones do (no user enumeration). */
  private static final String DUMMY = hash(Secrets.random(18));

  private Passwords() {}

  /** Does the work of checking a password against a hash for a user that does not exist. */
  static void checkAgainstNobody(String password) {
    matches(password, DUMMY);
  }

  /** Key derivations done so far in this JVM (lets tests see that work is done, not its time). */
  static long derivations() {
    return DERIVATIONS.get();
  }

  static String hash(String password) {
    String salt = Secrets.random(16);
    return "pbkdf2$" + ITERATIONS + "$" + salt + "$" + derive(password, salt, ITERATIONS);
  }

  static boolean matches(String password, String stored) {
    if (stored == null) return false;
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !"pbkdf2".equals(parts[0])) return false;
    // A missing password costs a derivation too, so no answer comes back faster.
    String actual = derive(password == null ? "" : password, parts[2], Integer.parseInt(parts[1]));
    return password != null && MessageDigest.isEqual(actual.getBytes(), parts[3].getBytes());
  }

  private static String derive(String password, String salt, int iterations) {
    DERIVATIONS.incrementAndGet();
    try {
      var spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(), iterations, 256);
      byte[] key =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return Base64.getEncoder().encodeToString(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
