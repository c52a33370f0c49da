package org.funcx.endpoint.interchange;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.zeromq.ZAuth;
import org.zeromq.ZMQ;
import org.zeromq.ZMsg;

/**
 * Who may connect to the interchange's manager port: the interchange is a CURVE server with a key
 * pair made for this run (never written down), and its ZAP handler admits only the client keys
 * issued to blocks the provider started, one pair per block. A connection's ZAP User-Id is its
 * client key, which the interchange maps back to the block on every message, so a key withdrawn
 * when its block ends stops counting at once, also on a connection that is already open.
 * Issued and withdrawn by provider threads, read by the ZAP and interchange threads.
 */
public final class ManagerKeys implements ZAuth.Auth {
  private final ZMQ.Curve.KeyPair server = ZMQ.Curve.generateKeyPair();
  private final Map<String, String> blockByKey = new ConcurrentHashMap<>();
  private final Map<String, String> keyByBlock = new ConcurrentHashMap<>();
  private final AtomicLong refused = new AtomicLong();

  /** A fresh client key pair for {@code blockId}, admitted from now on (replacing an older one). */
  public CurveClientKeys issue(String blockId) {
    withdraw(blockId);
    ZMQ.Curve.KeyPair client = ZMQ.Curve.generateKeyPair();
    blockByKey.put(client.publicKey, blockId);
    keyByBlock.put(blockId, client.publicKey);
    return new CurveClientKeys(server.publicKey, client.publicKey, client.secretKey);
  }

  /** The interchange's public key, which managers must expect (not a secret). */
  public String serverPublicKey() {
    return server.publicKey;
  }

  /** Stops admitting the block's key (its block ended or never started). */
  public void withdraw(String blockId) {
    String key = keyByBlock.remove(blockId);
    if (key != null) blockByKey.remove(key, blockId);
  }

  /** The block a connection authenticated with {@code key} belongs to, if still admitted. */
  Optional<String> blockOf(String key) {
    return key == null ? Optional.empty() : Optional.ofNullable(blockByKey.get(key));
  }

  /** Connections the ZAP handler refused so far (keys never issued, or withdrawn). */
  public long refusedConnections() {
    return refused.get();
  }

  /** Makes {@code socket} the CURVE server whose clients this handler checks. */
  void serve(ZMQ.Socket socket, String zapDomain) {
    socket.setZAPDomain(zapDomain);
    socket.setCurveServer(true);
    socket.setCurveSecretKey(ZMQ.Curve.z85Decode(server.secretKey));
  }

  @Override
  public boolean configure(ZMsg msg, boolean verbose) {
    return true;
  }

  @Override
  public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
    if (request.clientKey != null && blockByKey.containsKey(request.clientKey)) {
      request.userId = request.clientKey;
      return true;
    }
    refused.incrementAndGet();
    return false;
  }
}
