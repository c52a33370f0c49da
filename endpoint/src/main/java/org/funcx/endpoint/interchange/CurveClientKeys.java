package org.funcx.endpoint.interchange;

import org.zeromq.ZMQ;

/**
 * The CURVE keys of the endpoint's link to the forwarder: the forwarder's public key (from the
 * service) and the endpoint's own pair (its public half registered with the service).
 */
public record CurveClientKeys(String serverPublicKey, String publicKey, String secretKey) {

  void apply(ZMQ.Socket socket) {
    socket.setCurveServerKey(ZMQ.Curve.z85Decode(serverPublicKey));
    socket.setCurvePublicKey(ZMQ.Curve.z85Decode(publicKey));
    socket.setCurveSecretKey(ZMQ.Curve.z85Decode(secretKey));
  }
}
