package org.funcx.endpoint.interchange;

import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.funcx.core.wire.Messages.RegisterManager;
import org.funcx.core.wire.WireProtocol;

/**
 * Who may speak on the interchange's manager port. A connection (ROUTER routing id) says hello and
 * gets a fresh nonce; it registers with the proof that it holds its block's secret
 * ({@link BlockSecret}) over that nonce, and is then bound to that block and manager for good. A
 * nonce is good once and for its own connection only, so a registration captured on the wire
 * cannot be replayed. Interchange thread only.
 */
final class ManagerGate {
  /** Unanswered challenges kept; beyond this the oldest is dropped (hellos cannot fill the heap). */
  static final int MAX_PENDING_CHALLENGES = 4_096;

  /** How long a challenge may wait for its registration. */
  static final long CHALLENGE_MILLIS = 30_000;

  /** Who a registered connection speaks for. */
  record Identity(String blockId, String managerId) {}

  private record Pending(String nonce, long issuedMillis) {}

  /**
   * Why a registration was refused; {@code challengeAgain}: the connection had no fresh challenge
   * (it never said hello, its challenge expired or was dropped), so it gets a new one rather than
   * a rejection, and a real manager simply registers again.
   */
  record Refusal(String reason, boolean challengeAgain) {}

  private static final HexFormat HEX = HexFormat.of();
  private final ManagerSecrets secrets;
  private final ManagerLinkCounters counters;
  private final SecureRandom random = new SecureRandom();
  private final Map<ByteBuffer, Pending> pending =
      new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, Pending> eldest) {
          if (size() <= MAX_PENDING_CHALLENGES) return false;
          counters.droppedChallenges.incrementAndGet();
          return true;
        }
      };
  private final Map<ByteBuffer, Identity> bound = new HashMap<>();

  ManagerGate(ManagerSecrets secrets, ManagerLinkCounters counters) {
    this.secrets = secrets;
    this.counters = counters;
  }

  /**
   * The nonce for a connection's hello: the one it already holds while that is fresh (a manager
   * that says hello twice must not void the challenge it is answering), else a new one.
   */
  String challenge(ByteBuffer connection, long now) {
    Pending p = pending.get(connection);
    if (p == null || now - p.issuedMillis() > CHALLENGE_MILLIS) {
      byte[] nonce = new byte[32];
      random.nextBytes(nonce);
      p = new Pending(HEX.formatHex(nonce), now);
      pending.put(connection, p);
    }
    counters.challenges.incrementAndGet();
    return p.nonce();
  }

  /** Who a connection registered as; null while it has not. */
  Identity boundTo(ByteBuffer connection) {
    return bound.get(connection);
  }

  /**
   * Checks a registration: null when the connection now speaks for {@code info}'s block and
   * manager, else why it is refused. A registered connection may register again (told to after
   * it was given up) as who it is, and only as that.
   */
  Refusal admit(ByteBuffer connection, RegisterManager info, long now) {
    if (info.managerId() == null
        || info.blockId() == null
        || info.workers() < 1
        || info.workers() > 100_000
        || info.prefetch() < 0) {
      return new Refusal(
          "bad fields (manager and block id, 1 to 100000 workers, prefetch >= 0)", false);
    }
    String mismatch =
        WireProtocol.mismatch("manager " + info.managerId(), info.protocol(), info.version());
    if (mismatch != null) return new Refusal(mismatch, false);
    Identity claimed = new Identity(info.blockId(), info.managerId());
    if (!secrets.isLive(claimed.blockId())) {
      return new Refusal(
          "block " + claimed.blockId() + " has no secret here (it ended, or never" + " was)",
          false);
    }
    Identity already = bound.get(connection);
    if (already != null) {
      return already.equals(claimed)
          ? null
          : new Refusal(
              "this connection is manager "
                  + already.managerId()
                  + " of block "
                  + already.blockId(),
              false);
    }
    Pending p = pending.remove(connection);
    if (p == null || now - p.issuedMillis() > CHALLENGE_MILLIS) {
      return new Refusal("no fresh challenge on this connection", true);
    }
    BlockSecret secret = secrets.of(claimed.blockId()).orElse(null);
    if (secret == null
        || info.proof() == null
        || !secret.verifies(info.proof(), p.nonce(), claimed.blockId(), claimed.managerId())) {
      return new Refusal("wrong proof for block " + claimed.blockId(), false);
    }
    // The manager's earlier connection (it connected again) speaks for it no more.
    bound.values().remove(claimed);
    bound.put(connection, claimed);
    return null;
  }

  void unbind(ByteBuffer connection) {
    bound.remove(connection);
  }

  /** Unbinds the connections of an ended block and returns their routing ids. */
  List<byte[]> forgetBlock(String blockId) {
    List<byte[]> routes = new ArrayList<>();
    for (Iterator<Map.Entry<ByteBuffer, Identity>> it = bound.entrySet().iterator();
        it.hasNext(); ) {
      var e = it.next();
      if (e.getValue().blockId().equals(blockId)) {
        routes.add(e.getKey().array());
        it.remove();
      }
    }
    return routes;
  }
}
