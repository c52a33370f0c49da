package org.funcx.endpoint.interchange;

import org.zeromq.ZAuth;
import org.zeromq.ZMsg;

/**
 * The ZAP handler's rule for the manager port (a PLAIN server): a connection finishes its
 * handshake only with a live block's id as user name and that block's admission token as password
 * ({@link ManagerSecrets#admits}); anything else is dropped before it can send a message. Its ZAP
 * User-Id is the block id. Runs on the ZAP handler's thread.
 */
final class BlockAdmission implements ZAuth.Auth {
  private final ManagerSecrets secrets;
  private final ManagerLinkCounters counters;

  BlockAdmission(ManagerSecrets secrets, ManagerLinkCounters counters) {
    this.secrets = secrets;
    this.counters = counters;
  }

  @Override
  public boolean configure(ZMsg msg, boolean verbose) {
    return true;
  }

  @Override
  public boolean authorize(ZAuth.ZapRequest request, boolean verbose) {
    if (secrets.admits(request.username, request.password)) {
      request.userId = request.username;
      return true;
    }
    counters.refusedHandshakes.incrementAndGet();
    return false;
  }
}
