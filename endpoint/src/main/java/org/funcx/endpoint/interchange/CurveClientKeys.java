package org.funcx.endpoint.interchange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;

/**
 * The CURVE keys of a client link: the server's public key and the client's own pair. The
 * endpoint's link to the forwarder uses the forwarder's key (from the service) and the endpoint's
 * pair (its public half registered with the service); a manager's link to the interchange uses
 * the interchange's key and the pair issued to its block ({@link ManagerKeys}), which reaches the
 * manager in a 0600 file ({@link #write}, {@link #read}).
 */
public record CurveClientKeys(String serverPublicKey, String publicKey, String secretKey) {

  public void apply(ZMQ.Socket socket) {
    socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverPublicKey));
    socket.setCurvePublicKey(ZMQ.Curve.z85Decode(publicKey));
    socket.setCurveSecretKey(ZMQ.Curve.z85Decode(secretKey));
  }

  /** Writes the keys to {@code file}, 0600 from its creation. */
  public void write(Path file) throws IOException {
    PrivateFiles.write(file, Json.GSON.toJson(Map.of("server_public_key", serverPublicKey,
        "public_key", publicKey, "secret_key", secretKey)));
  }

  /** Reads keys {@link #write} wrote; an IOException names the file and what is wrong. */
  public static CurveClientKeys read(Path file) throws IOException {
    Map<?, ?> m;
    try {
      m = Json.GSON.fromJson(Files.readString(file), Map.class);
    } catch (RuntimeException e) {
      throw new IOException("unreadable CURVE credentials in " + file + ": " + e.getMessage(), e);
    }
    if (m == null || !(m.get("server_public_key") instanceof String server)
        || !(m.get("public_key") instanceof String pub) || !(m.get("secret_key") instanceof String secret)
        || server.length() != 40 || pub.length() != 40 || secret.length() != 40) {
      throw new IOException("CURVE credentials in " + file + " lack server_public_key, public_key"
          + " or secret_key (40 Z85 characters each)");
    }
    return new CurveClientKeys(server, pub, secret);
  }
}
