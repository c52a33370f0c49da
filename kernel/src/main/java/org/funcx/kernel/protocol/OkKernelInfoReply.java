package org.funcx.kernel.protocol;

import java.util.List;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.messages.Header;
import org.dflib.jjava.jupyter.messages.reply.KernelInfoReply;

/** jjava 1.0-a6's kernel_info_reply without the {@code status} the protocol requires, fixed. */
final class OkKernelInfoReply extends KernelInfoReply {
  @SuppressWarnings("unused") // read by Gson
  private final String status = "ok";

  OkKernelInfoReply(
      String implementation,
      String version,
      LanguageInfo language,
      String banner,
      List<HelpLink> helpLinks) {
    super(Header.PROTOCOL_VERISON, implementation, version, language, banner, helpLinks);
  }
}
