package org.funcx.kernel.protocol;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.dflib.jjava.jupyter.channels.JupyterConnection;
import org.dflib.jjava.jupyter.channels.ReplyEnvironment;
import org.dflib.jjava.jupyter.channels.ShellReplyEnvironment;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.HelpLink;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.LanguageInfo;
import org.dflib.jjava.jupyter.kernel.comm.Comm;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.history.HistoryEntry;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager;
import org.dflib.jjava.jupyter.kernel.history.HistoryManager.ResultFlag;
import org.dflib.jjava.jupyter.kernel.magic.MagicsRegistry;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;
import org.dflib.jjava.jupyter.messages.Message;
import org.dflib.jjava.jupyter.messages.MessageType;
import org.dflib.jjava.jupyter.messages.reply.CommInfoReply.CommInfo;
import org.dflib.jjava.jupyter.messages.request.CommInfoRequest;
import org.dflib.jjava.jupyter.messages.request.HistoryRequest;
import org.dflib.jjava.jupyter.messages.request.InterruptRequest;
import org.dflib.jjava.jupyter.messages.request.KernelInfoRequest;
import org.dflib.jjava.jupyter.messages.request.ShutdownRequest;

/**
 * jjava 1.0-a6's {@link BaseKernel} with its protocol bugs fixed, so that Jupyter's conformance
 * suite passes: kernel_info, history, interrupt, shutdown and comm_info replies carry
 * {@code status: "ok"}, history entries go out as arrays, and a history request is always
 * answered (jjava drops it silently without a {@link HistoryManager}).
 */
public abstract class ConformingKernel extends BaseKernel {
  protected ConformingKernel(
      String name,
      String version,
      LanguageInfo languageInfo,
      List<HelpLink> helpLinks,
      HistoryManager history,
      JupyterIO io,
      StringStyler errorStyler) {
    super(
        name,
        version,
        languageInfo,
        helpLinks,
        history,
        io,
        new CommManager(),
        new Renderer(),
        null,
        new MagicsRegistry(),
        false,
        errorStyler);
  }

  @Override
  public void becomeHandlerForConnection(JupyterConnection connection) {
    super.becomeHandlerForConnection(connection);
    connection.setHandler(MessageType.COMM_INFO_REQUEST, this::handleCommInfoRequest);
  }

  @Override
  protected void handleKernelInfoRequest(
      ShellReplyEnvironment env, Message<KernelInfoRequest> message) {
    env.setBusyDeferIdle();
    env.reply(new OkKernelInfoReply(name, version, getLanguageInfo(), getBanner(), getHelpLinks()));
  }

  @Override
  protected void handleHistoryRequest(ShellReplyEnvironment env, Message<HistoryRequest> message) {
    env.setBusyDeferIdle();
    HistoryRequest request = message.getContent();
    Set<ResultFlag> flags = EnumSet.noneOf(ResultFlag.class);
    if (request.includeOutput()) flags.add(ResultFlag.INCLUDE_OUTPUT);
    if (!request.useRaw()) flags.add(ResultFlag.TRANSFORMED_INPUT);
    HistoryManager history = getHistoryManager();
    List<HistoryEntry> entries = null;
    if (history != null) {
      if (request instanceof HistoryRequest.Tail tail) {
        entries = history.lookupTail(tail.getMaxReturnLength(), flags);
      } else if (request instanceof HistoryRequest.Range range) {
        entries =
            history.lookupRange(range.getSessionIndex(), range.getStart(), range.getStop(), flags);
      } else if (request instanceof HistoryRequest.Search search) {
        if (search.filterUnique()) flags.add(ResultFlag.UNIQUE);
        entries = history.search(search.getPattern(), search.getMaxReturnLength(), flags);
      }
    }
    env.reply(new OkHistoryReply(entries == null ? List.of() : entries));
  }

  @Override
  protected void handleInterruptRequest(
      ShellReplyEnvironment env, Message<InterruptRequest> message) {
    env.setBusyDeferIdle();
    env.defer().reply(new OkInterruptReply());
    interrupt();
  }

  @Override
  protected void handleShutdownRequest(
      ShellReplyEnvironment env, Message<ShutdownRequest> message) {
    boolean restart = message.getContent().isRestart();
    env.setBusyDeferIdle();
    env.defer().reply(new OkShutdownReply(restart));
    onShutdown(restart);
    env.resolveDeferrals();
    env.markForShutdown();
  }

  private void handleCommInfoRequest(ReplyEnvironment env, Message<CommInfoRequest> message) {
    String target = message.getContent().getTargetName();
    Map<String, CommInfo> comms = new LinkedHashMap<>();
    for (Comm comm : getCommManager()) {
      if (target == null || target.equals(comm.getTargetName())) {
        comms.put(comm.getID(), new CommInfo(comm.getTargetName()));
      }
    }
    env.setBusyDeferIdle();
    env.reply(new OkCommInfoReply(comms));
  }
}
