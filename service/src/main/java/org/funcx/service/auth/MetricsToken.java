package org.funcx.service.auth;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bearer token a Prometheus server sends to read {@code /metrics} without an administrator's
 * token, read once at start from a file. Only its digest is kept, compared in constant time.
 */
public final class MetricsToken {
  /** Longest token file read; a larger one is refused while reading, not after. */
  public static final int MAX_FILE_BYTES = 4096;

  /** Shortest token accepted: a guessable token would open the figures to anyone. */
  public static final int MIN_CHARS = 16;

  /** The token file cannot be used; the service does not start. */
  public static final class InvalidTokenFileException extends IllegalArgumentException {
    InvalidTokenFileException(Path file, String why) {
      super("metrics token file " + file + ": " + why);
    }
  }

  private final String digest;

  private MetricsToken(String token) {
    this.digest = Secrets.sha256(token);
  }

  /**
   * Reads the token (surrounding white space and one trailing newline are not part of it); at
   * most {@link #MAX_FILE_BYTES} bytes are read, and the token must have {@link #MIN_CHARS}
   * characters without white space.
   */
  public static MetricsToken read(Path file) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(MAX_FILE_BYTES + 1);
    } catch (IOException e) {
      throw new InvalidTokenFileException(file, "cannot be read (" + e.getMessage() + ")");
    }
    if (bytes.length > MAX_FILE_BYTES) {
      throw new InvalidTokenFileException(file, "is larger than " + MAX_FILE_BYTES + " bytes");
    }
    String token = new String(bytes, StandardCharsets.UTF_8).strip();
    if (token.length() < MIN_CHARS || token.chars().anyMatch(Character::isWhitespace)) {
      throw new InvalidTokenFileException(
          file, "must hold one token of at least " + MIN_CHARS + " characters without white space");
    }
    return new MetricsToken(token);
  }

  /** True when {@code bearer} (the Authorization header's token) is this token. */
  public boolean matches(String bearer) {
    return bearer != null && Secrets.sameDigest(digest, Secrets.sha256(bearer));
  }
}
