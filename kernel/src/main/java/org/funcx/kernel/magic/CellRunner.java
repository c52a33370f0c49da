package org.funcx.kernel.magic;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.funcx.kernel.jshell.JShellSession;
import org.funcx.kernel.jshell.SnippetValue;
import org.funcx.kernel.jshell.SourceOrigin;
import org.funcx.kernel.jshell.UserThreads;
import org.funcx.kernel.spi.CellError;
import org.funcx.kernel.spi.CellMagic;
import org.funcx.kernel.spi.InterruptedCellError;
import org.funcx.kernel.spi.LineMagic;
import org.funcx.kernel.spi.MagicsRegistry;

/**
 * Runs a cell: its Java code in JShell and its magics on user threads (so an interrupt reaches
 * them too), in the order they appear. The cell's value is the last part's value.
 */
public final class CellRunner {
  private final JShellSession session;
  private final MagicsRegistry magics;
  private final UserThreads threads;

  public CellRunner(JShellSession session, MagicsRegistry magics, UserThreads threads) {
    this.session = session;
    this.magics = magics;
    this.threads = threads;
  }

  /** Runs {@code cell}; see {@link JShellSession#eval} for the errors it throws. */
  public Optional<SnippetValue> run(String cell, SourceOrigin origin) {
    Optional<SnippetValue> last = Optional.empty();
    for (CellPart part : CellParser.parse(cell)) {
      if (threads.interruptRequested()) {
        throw threads.interruptedError(origin.label() + " was interrupted");
      }
      if (part instanceof CellPart.JavaCode code) {
        last = session.eval(code.code(), origin.shiftedBy(code.firstLine() - 1));
      } else if (part instanceof CellPart.LineMagicCall call) {
        LineMagic magic =
            magics.lineMagic(call.name()).orElseThrow(() -> unknown("%" + call.name()));
        last = runMagic("%" + call.name(), () -> magic.eval(call.args()));
      } else if (part instanceof CellPart.CellMagicCall call) {
        CellMagic magic =
            magics.cellMagic(call.name()).orElseThrow(() -> unknown("%%" + call.name()));
        last = runMagic("%%" + call.name(), () -> magic.eval(call.args(), call.body()));
      }
    }
    return last;
  }

  private UnknownMagicError unknown(String typed) {
    return new UnknownMagicError(typed, magics.names());
  }

  private Optional<SnippetValue> runMagic(String typed, Callable<Object> call) {
    Object value;
    try {
      value = threads.call(typed.replaceFirst("^%+", "magic-"), call);
    } catch (CellError e) {
      // a magic interrupted mid-request may report that as its own failure; name the real cause
      if (threads.interruptRequested() && !(e instanceof InterruptedCellError)) {
        throw threads.interruptedError(typed + " was interrupted");
      }
      throw e;
    } catch (Exception e) {
      if (threads.interruptRequested()) throw threads.interruptedError(typed + " was interrupted");
      throw new MagicCrashedError(typed, e);
    }
    return value == null ? Optional.empty() : Optional.of(new SnippetValue(value));
  }
}
