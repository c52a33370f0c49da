package org.funcx.kernel.protocol;

import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/** A shutdown_reply with {@code status} (jjava's lacks it and cannot be subclassed). */
final class OkShutdownReply implements ContentType<OkShutdownReply>, ReplyType<ShutdownRequest> {
  @SuppressWarnings("unused") // read by Gson
  private final String status = "ok";

  @SuppressWarnings("unused") // read by Gson
  private final boolean restart;

  OkShutdownReply(boolean restart) {
    this.restart = restart;
  }

  @Override
  @SuppressWarnings("unchecked") // the wire type is all that matters; Gson serializes this class
  public MessageType<OkShutdownReply> getType() {
    return (MessageType<OkShutdownReply>) (MessageType<?>) MessageType.SHUTDOWN_REPLY;
  }

  @Override
  public MessageType<ShutdownRequest> getRequestType() {
    return MessageType.SHUTDOWN_REQUEST;
  }
}
