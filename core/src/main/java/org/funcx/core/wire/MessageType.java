package org.funcx.core.wire;

/**
 * Every message kind exchanged over ZeroMQ: service forwarder ⇄ endpoint agent and interchange ⇄
 * manager. The first frame of a message is the type's ordinal byte; the second is a JSON body.
 */
public enum MessageType {
  // endpoint agent -> service forwarder
  REGISTER_ENDPOINT(Messages.RegisterEndpoint.class),
  TASKS_ACK(Messages.TaskIds.class),
  TASKS_RUNNING(Messages.TaskIds.class),
  RESULTS(Messages.Results.class),
  // service forwarder -> endpoint agent
  ENDPOINT_REGISTERED(Messages.EndpointRegistered.class),
  REJECTED(Messages.Rejected.class),
  RESULTS_ACK(Messages.TaskIds.class),
  CANCEL(Messages.TaskIds.class),
  RECONNECT(Messages.Empty.class),
  // manager -> interchange
  REGISTER_MANAGER(Messages.RegisterManager.class),
  // both directions, both links
  TASKS(Messages.Tasks.class),
  HEARTBEAT(Messages.Heartbeat.class),
  SHUTDOWN(Messages.Empty.class),
  // manager -> interchange -> service forwarder; last, so the ordinals above stay as they were
  OUTPUT(Messages.LiveOutput.class);

  private static final MessageType[] BY_ORDINAL = values();
  private final Class<?> bodyType;

  MessageType(Class<?> bodyType) {
    this.bodyType = bodyType;
  }

  public Class<?> bodyType() {
    return bodyType;
  }

  static MessageType fromByte(byte b) {
    int i = b & 0xff;
    if (i >= BY_ORDINAL.length) throw new WireFormatException("unknown message type " + i);
    return BY_ORDINAL[i];
  }
}
