package org.funcx.kernel.protocol;

import org.dflib.jjava.jupyter.messages.reply.InterruptReply;

/** jjava 1.0-a6's interrupt_reply lacks {@code status}; this one has it. */
final class OkInterruptReply extends InterruptReply {
  @SuppressWarnings("unused") // read by Gson
  private final String status = "ok";
}
