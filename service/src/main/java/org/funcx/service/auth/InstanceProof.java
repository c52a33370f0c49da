package org.funcx.service.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Lets the CLI of this service's funcX home tell its own service from whatever else answers on
 * the port, before it sends a secret: the service keeps a random key in {@link #KEY_FILE} (0600,
 * in its private data directory) and answers a nonce with HMAC-SHA256(key, port + nonce). Only a
 * process that can read the data directory can compute it; the port is part of the proof so that
 * a stranger on the port cannot relay the question to the real service on another port.
 */
public final class InstanceProof {
  public static final String KEY_FILE = "instance-key";

  /** Nonces are URL-safe base64 of 16 to 96 bytes. */
  public static final int MIN_NONCE_CHARS = 22;

  public static final int MAX_NONCE_CHARS = 128;

  private final byte[] key;

  private InstanceProof(byte[] key) {
    this.key = key;
  }

  /** The service's key, created on first start. */
  public static InstanceProof loadOrCreate(Path dataDir) throws IOException {
    Path file = dataDir.resolve(KEY_FILE);
    if (!Files.exists(file)) Secrets.writePrivate(file, Secrets.random(32) + "\n");
    return read(dataDir);
  }

  /** The key of the service whose data directory is {@code dataDir}, as its CLI reads it. */
  public static InstanceProof read(Path dataDir) throws IOException {
    return new InstanceProof(
        Files.readString(dataDir.resolve(KEY_FILE)).trim().getBytes(StandardCharsets.UTF_8));
  }

  public static boolean validNonce(String nonce) {
    return nonce != null
        && nonce.length() >= MIN_NONCE_CHARS
        && nonce.length() <= MAX_NONCE_CHARS
        && nonce.matches("[A-Za-z0-9_-]+");
  }

  /** The proof for {@code nonce} asked on {@code port}. */
  public String prove(int port, String nonce) {
    if (!validNonce(nonce)) throw new IllegalArgumentException("invalid nonce");
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] proof =
          mac.doFinal(("funcx-instance:" + port + ":" + nonce).getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(proof);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
