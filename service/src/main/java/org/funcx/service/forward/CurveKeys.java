package org.funcx.service.forward;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.funcx.core.json.Json;
import org.funcx.service.auth.Secrets;
import org.zeromq.ZMQ;

/** CURVE key pairs in Z85 text, and the forwarder's own pair kept 0600 in the data directory. */
public final class CurveKeys {
  private CurveKeys() {}

  /** A CURVE key pair as Z85 strings of 40 characters. */
  public record KeyPair(String publicKey, String secretKey) {}

  public static boolean isPublicKey(String z85) {
    if (z85 == null || z85.length() != 40) return false;
    try {
      return ZMQ.Curve.z85Decode(z85).length == 32;
    } catch (RuntimeException e) {
      return false;
    }
  }

  public static KeyPair generate() {
    ZMQ.Curve.KeyPair k = ZMQ.Curve.generateKeyPair();
    return new KeyPair(k.publicKey, k.secretKey);
  }

  /** The forwarder's key pair: created at first start, the same afterwards. */
  public static KeyPair loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      @SuppressWarnings("unchecked")
      Map<String, String> m = Json.GSON.fromJson(Files.readString(file), Map.class);
      return new KeyPair(m.get("public_key"), m.get("secret_key"));
    }
    KeyPair fresh = generate();
    Secrets.writePrivate(
        file,
        Json.GSON.toJson(Map.of("public_key", fresh.publicKey(), "secret_key", fresh.secretKey())));
    return fresh;
  }
}
