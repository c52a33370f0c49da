package org.funcx.core.wire;

/**
 * Every message kind exchanged over ZeroMQ: service forwarder ⇄ endpoint agent and interchange ⇄
 * manager. The first frame of a message is the type's code, one byte; the second is a JSON body.
 * Codes are the wire's: never reuse or change one (MessageTypeTest pins them); a new type takes
 * the next free code, and an incompatible change raises {@link WireProtocol#VERSION}.
 */
public enum MessageType {
  // endpoint agent -> service forwarder
  REGISTER_ENDPOINT(0, Messages.RegisterEndpoint.class),
  TASKS_ACK(1, Messages.TaskIds.class),
  TASKS_RUNNING(2, Messages.TaskIds.class),
  RESULTS(3, Messages.Results.class),
  // service forwarder -> endpoint agent
  ENDPOINT_REGISTERED(4, Messages.EndpointRegistered.class),
  REJECTED(5, Messages.Rejected.class),
  RESULTS_ACK(6, Messages.TaskIds.class),
  CANCEL(7, Messages.TaskIds.class),
  RECONNECT(8, Messages.Empty.class),
  // manager -> interchange
  REGISTER_MANAGER(9, Messages.RegisterManager.class),
  // both directions, both links
  TASKS(10, Messages.Tasks.class),
  HEARTBEAT(11, Messages.Heartbeat.class),
  SHUTDOWN(12, Messages.Empty.class),
  // manager -> interchange: asks for a challenge to register with
  MANAGER_HELLO(13, Messages.Empty.class),
  // interchange -> manager: the nonce its registration must sign
  CHALLENGE(14, Messages.Challenge.class),
  // manager -> interchange -> service forwarder: what running tasks printed
  OUTPUT(15, Messages.LiveOutput.class);

  private static final MessageType[] BY_CODE = byCode();
  private final int code;
  private final Class<?> bodyType;

  MessageType(int code, Class<?> bodyType) {
    this.code = code;
    this.bodyType = bodyType;
  }

  /** The byte this type travels as. */
  public byte code() {
    return (byte) code;
  }

  public Class<?> bodyType() {
    return bodyType;
  }

  static MessageType fromByte(byte b) {
    int i = b & 0xff;
    MessageType type = BY_CODE[i];
    if (type == null) {
      throw new WireFormatException(
          "unknown message type code "
              + i
              + " (not one of wire"
              + " protocol "
              + WireProtocol.VERSION
              + "'s)");
    }
    return type;
  }

  private static MessageType[] byCode() {
    MessageType[] table = new MessageType[256];
    for (MessageType t : values()) {
      if (t.code < 0 || t.code > 255 || table[t.code] != null) {
        throw new IllegalStateException(
            "message type code " + t.code + " of " + t + " is out of range or taken");
      }
      table[t.code] = t;
    }
    return table;
  }
}
