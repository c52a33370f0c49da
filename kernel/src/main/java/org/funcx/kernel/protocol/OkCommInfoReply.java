package org.funcx.kernel.protocol;

import java.util.Map;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply;

/** jjava 1.0-a6's comm_info_reply lacks {@code status}; this one has it. */
final class OkCommInfoReply extends CommInfoReply {
  @SuppressWarnings("unused") // read by Gson
  private final String status = "ok";

  OkCommInfoReply(Map<String, CommInfo> comms) {
    super(comms);
  }
}
