package org.funcx.magics;

import java.util.ArrayList;
import java.util.List;
import org.funcx.kernel.spi.KernelContext;
import org.funcx.kernel.spi.MagicsProvider;
import org.funcx.kernel.spi.MagicsRegistry;
import org.funcx.magics.blocks.BlocksFile;
import org.funcx.magics.commands.BlocksCommand;
import org.funcx.magics.commands.CancelCommand;
import org.funcx.magics.commands.ConnectCommand;
import org.funcx.magics.commands.DashboardCommand;
import org.funcx.magics.commands.EndpointsCommand;
import org.funcx.magics.commands.FunctionCommand;
import org.funcx.magics.commands.LoginCommand;
import org.funcx.magics.commands.LogoutCommand;
import org.funcx.magics.commands.MapCommand;
import org.funcx.magics.commands.OutputCommand;
import org.funcx.magics.commands.RegisterCommand;
import org.funcx.magics.commands.ResultCommand;
import org.funcx.magics.commands.RunCommand;
import org.funcx.magics.commands.ShCommand;
import org.funcx.magics.commands.StatusCommand;
import org.funcx.magics.commands.Subcommand;
import org.funcx.magics.commands.TasksCommand;
import org.funcx.magics.commands.UseCommand;
import org.funcx.magics.commands.WhoamiCommand;

/** Registers {@code %funcx} and {@code %%funcx} with the kernel (found by ServiceLoader). */
public final class FuncxMagicsProvider implements MagicsProvider {
  @Override
  public void register(KernelContext ctx, MagicsRegistry registry) {
    FuncxSession session = new FuncxSession(ctx);
    Registrar registrar = new Registrar(session);
    List<Subcommand> subcommands =
        new ArrayList<>(
            List.of(
                new ConnectCommand(session),
                new WhoamiCommand(session),
                new LoginCommand(session),
                new LogoutCommand(session),
                new EndpointsCommand(session),
                new DashboardCommand(session),
                new BlocksCommand(session, BlocksFile::defaultHome),
                new UseCommand(session),
                new RegisterCommand(registrar),
                new RunCommand(session, registrar),
                new TasksCommand(session),
                new StatusCommand(session),
                new ResultCommand(session),
                new CancelCommand(session),
                new OutputCommand(session),
                new FunctionCommand(registrar),
                new MapCommand(session, registrar)));
    subcommands.addAll(ShCommand.both(session));
    FuncxMagic magic = new FuncxMagic(session, subcommands);
    registry.lineMagic("funcx", magic).cellMagic("funcx", magic);
    FuncX.install(session);
  }
}
