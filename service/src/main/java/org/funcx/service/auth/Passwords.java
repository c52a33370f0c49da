package org.funcx.service.auth;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/** Password hashes: PBKDF2-HMAC-SHA256 with a random salt, stored as {@code pbkdf2$iter$salt$hash}. */
final class Passwords {
  private static final int ITERATIONS = 120_000;

  private Passwords() {}

  static String hash(String password) {
    String salt = Secrets.random(16);
    return "pbkdf2$" + ITERATIONS + "$" + salt + "$" + derive(password, salt, ITERATIONS);
  }

  static boolean matches(String password, String stored) {
    if (password == null || stored == null) return false;
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !"pbkdf2".equals(parts[0])) return false;
    String actual = derive(password, parts[2], Integer.parseInt(parts[1]));
    return MessageDigest.isEqual(actual.getBytes(), parts[3].getBytes());
  }

  private static String derive(String password, String salt, int iterations) {
    try {
      var spec = new PBEKeySpec(password.toCharArray(), salt.getBytes(), iterations, 256);
      byte[] key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
      return Base64.getEncoder().encodeToString(key);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
