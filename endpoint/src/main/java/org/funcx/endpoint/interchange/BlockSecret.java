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

/**
 * The secret of one block: 256 random bits the interchange issues ({@link ManagerSecrets}) and the
 * provider hands to the block's manager in a 0600 file ({@link #write}, {@link #read}). A manager
 * proves it holds the secret by signing the interchange's challenge:
 * HMAC-SHA256(secret, nonce ‖ length of block id ‖ block id ‖ manager id). The secret itself never
 * crosses the wire, and a proof is good for one nonce, which the interchange gives one connection.
 */
public final class BlockSecret {
  static final int BYTES = 32;
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

  private byte[] mac(byte[] nonce, String blockId, String managerId) {
    byte[] block = blockId.getBytes(StandardCharsets.UTF_8);
    byte[] manager = managerId.getBytes(StandardCharsets.UTF_8);
    // The block id's length keeps "ab"+"c" and "a"+"bc" apart.
    ByteBuffer signed = ByteBuffer.allocate(nonce.length + 4 + block.length + manager.length)
        .put(nonce).putInt(block.length).put(block).put(manager);
    try {
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return hmac.doFinal(signed.array());
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
    throw new IOException("the credentials in " + file + " lack block_secret (" + 2 * BYTES
        + " hex digits)");
  }
}
