package org.funcx.endpoint.interchange;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.funcx.core.io.PrivateFiles;
import org.funcx.core.json.Json;
import org.zeromq.ZMQ;

/**
 * The secret of one block: 256 random bits the interchange issues ({@link ManagerSecrets}) and the
 * provider hands to the block's manager in a 0600 file ({@link #write}, {@link #read}). A manager
 * proves it holds the secret by signing the interchange's challenge:
 * HMAC-SHA256(secret, nonce ‖ length of block id ‖ block id ‖ manager id). The secret itself never
 * crosses the wire, and a proof is good for one nonce, which the interchange gives one connection.
 *
 * <p>Before that, a connection must get past the ZMTP handshake: the manager port is a PLAIN server
 * ({@link #applyPlain}) whose ZAP handler admits only a live block's id with its admission token,
 * HMAC-SHA256(secret, {@value #ADMISSION_LABEL} ‖ block id). A stranger is dropped during the
 * handshake, before it can send a message: ZeroMQ buffers a multipart message whole until its last
 * frame, so one endless message from anyone who can connect would otherwise fill the agent's heap.
 * The token crosses the wire in clear (as the link's tasks and results do), so it keeps out those
 * who can connect, not those who can read the site's network; registration still needs the proof.
 */
public final class BlockSecret {
  static final int BYTES = 32;
  private static final String ADMISSION_LABEL = "funcx manager port admission";
  private static final HexFormat HEX = HexFormat.of();
  private final byte[] key;

  private BlockSecret(byte[] key) {
    this.key = key;
  }

  static BlockSecret random(SecureRandom random) {
    byte[] key = new byte[BYTES];
    random.nextBytes(key);
    return new BlockSecret(key);
  }

  /** The registration proof for {@code nonceHex}, as hex. */
  public String proof(String nonceHex, String blockId, String managerId) {
    return HEX.formatHex(mac(HEX.parseHex(nonceHex), blockId, managerId));
  }

  /** Whether {@code proofHex} signs this nonce, block and manager; compared in constant time. */
  boolean verifies(String proofHex, String nonceHex, String blockId, String managerId) {
    byte[] claimed;
    try {
      claimed = HEX.parseHex(proofHex);
    } catch (IllegalArgumentException e) {
      return false;
    }
    return MessageDigest.isEqual(claimed, mac(HEX.parseHex(nonceHex), blockId, managerId));
  }

  /**
   * Makes {@code socket} a PLAIN client of the interchange, as block {@code blockId} with its
   * admission token ({@link ManagerSecrets#admits}).
   */
  public void applyPlain(ZMQ.Socket socket, String blockId) {
    socket.setPlainUsername(blockId);
    socket.setPlainPassword(admissionToken(blockId));
  }

  /** Whether {@code token} is this block's admission token; compared in constant time. */
  boolean admits(String blockId, String token) {
    return MessageDigest.isEqual(
        token.getBytes(StandardCharsets.UTF_8),
        admissionToken(blockId).getBytes(StandardCharsets.UTF_8));
  }

  private String admissionToken(String blockId) {
    byte[] block = blockId.getBytes(StandardCharsets.UTF_8);
    return HEX.formatHex(
        hmac(
            ByteBuffer.allocate(ADMISSION_LABEL.length() + block.length)
                .put(ADMISSION_LABEL.getBytes(StandardCharsets.US_ASCII))
                .put(block)
                .array()));
  }

  private byte[] mac(byte[] nonce, String blockId, String managerId) {
    byte[] block = blockId.getBytes(StandardCharsets.UTF_8);
    byte[] manager = managerId.getBytes(StandardCharsets.UTF_8);
    // The block id's length keeps "ab"+"c" and "a"+"bc" apart.
    ByteBuffer signed =
        ByteBuffer.allocate(nonce.length + 4 + block.length + manager.length)
            .put(nonce)
            .putInt(block.length)
            .put(block)
            .put(manager);
    return hmac(signed.array());
  }

  private byte[] hmac(byte[] signed) {
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(signed);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }

  /** Writes the secret to {@code file}, 0600 from its creation. */
  public void write(Path file) throws IOException {
    PrivateFiles.write(file, Json.GSON.toJson(Map.of("block_secret", HEX.formatHex(key))));
  }

  /** Reads a secret {@link #write} wrote; an IOException names the file and what is wrong. */
  public static BlockSecret read(Path file) throws IOException {
    Object hex;
    try {
      Map<?, ?> m = Json.GSON.fromJson(Files.readString(file), Map.class);
      hex = m == null ? null : m.get("block_secret");
      if (hex instanceof String s && s.length() == 2 * BYTES) {
        return new BlockSecret(HEX.parseHex(s));
      }
    } catch (RuntimeException e) {
      throw new IOException("unreadable block secret in " + file + ": " + e.getMessage(), e);
    }
    throw new IOException(
        "the credentials in " + file + " lack block_secret (" + 2 * BYTES + " hex digits)");
  }
}
