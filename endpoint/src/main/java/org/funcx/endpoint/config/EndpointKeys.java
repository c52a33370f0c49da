package org.funcx.endpoint.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;

/**
 * The endpoint's CURVE key pair, in {@code curve.json} (0600) in its directory: made once, its
 * public half registered with the service, its secret never leaving the machine.
 */
public record EndpointKeys(String publicKey, String secretKey) {
  public static final String FILE = "curve.json";

  public static EndpointKeys loadOrCreate(Path endpointDir) throws IOException {
    Path file = endpointDir.resolve(FILE);
    if (Files.exists(file)) return load(endpointDir);
    ZMQ.Curve.KeyPair pair = ZMQ.Curve.generateKeyPair();
    PrivateFiles.write(
        file, Json.GSON.toJson(Map.of("public_key", pair.publicKey, "secret_key", pair.secretKey)));
    return new EndpointKeys(pair.publicKey, pair.secretKey);
  }

  public static EndpointKeys load(Path endpointDir) throws IOException {
    Path file = endpointDir.resolve(FILE);
    if (!Files.exists(file)) {
      throw new IOException(
          "endpoint has no CURVE keys ("
              + file
              + "); register it with"
              + " 'funcx endpoint start', which creates them");
    }
    @SuppressWarnings("unchecked")
    Map<String, String> m = Json.GSON.fromJson(Files.readString(file), Map.class);
    return new EndpointKeys(m.get("public_key"), m.get("secret_key"));
  }
}
