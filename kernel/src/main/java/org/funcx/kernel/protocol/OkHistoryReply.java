package org.funcx.kernel.protocol;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.messages.ContentType;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.ReplyType;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;

/**
 * A history_reply as the protocol has it: {@code status} plus entries as {@code [session, line,
 * input]} or {@code [session, line, [input, output]]} arrays. jjava 1.0-a6's reply lacks the
 * status, and its outgoing Gson writes entries as objects.
 */
final class OkHistoryReply implements ContentType<OkHistoryReply>, ReplyType<HistoryRequest> {
  @SuppressWarnings("unused") // read by Gson
  private final String status = "ok";

  @SuppressWarnings("unused") // read by Gson
  private final List<List<Object>> history;

  OkHistoryReply(List<HistoryEntry> entries) {
    this.history = entries.stream().map(OkHistoryReply::tuple).toList();
  }

  private static List<Object> tuple(HistoryEntry e) {
    Object io = e.hasOutput() ? List.of(e.getInput(), e.getOutput()) : e.getInput();
    return List.of(e.getSession(), e.getCellNumber(), io);
  }

  @Override
  @SuppressWarnings("unchecked") // the wire type is all that matters; Gson serializes this class
  public MessageType<OkHistoryReply> getType() {
    return (MessageType<OkHistoryReply>) (MessageType<?>) MessageType.HISTORY_REPLY;
  }

  @Override
  public MessageType<HistoryRequest> getRequestType() {
    return MessageType.HISTORY_REQUEST;
  }
}
