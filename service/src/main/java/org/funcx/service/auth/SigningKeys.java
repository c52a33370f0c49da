package org.funcx.service.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;

/**
 * The embedded issuer's token signing key (EC P-256, ES256), created at first start and kept in
 * {@code signing-key.jwk} (0600) so tokens stay valid across restarts.
 */
public final class SigningKeys {
  private final ECKey key;

  private SigningKeys(ECKey key) {
    this.key = key;
  }

  public static SigningKeys loadOrCreate(Path file) throws IOException {
    try {
      if (Files.exists(file)) return new SigningKeys(ECKey.parse(Files.readString(file)));
      ECKey fresh =
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .keyIDFromThumbprint(true)
              .generate();
      Secrets.writePrivate(file, fresh.toJSONString());
      return new SigningKeys(fresh);
    } catch (ParseException | JOSEException e) {
      throw new IOException("cannot read or create the token signing key " + file + ": " + e, e);
    }
  }

  /** A key pair made in memory, for tests and throw-away services. */
  public static SigningKeys generate() {
    try {
      return new SigningKeys(
          new ECKeyGenerator(Curve.P_256)
              .keyUse(KeyUse.SIGNATURE)
              .keyIDFromThumbprint(true)
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  ECKey privateKey() {
    return key;
  }

  /** The public half, as the JWKS document publishes it. */
  public JWKSet publicSet() {
    return new JWKSet(key.toPublicJWK());
  }
}
