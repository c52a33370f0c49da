package org.funcx.magics.commands;

import org.funcx.magics.Registrar;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.Usage;

/** {@code %%funcx function NAME}: registers the cell's body as the source of function NAME. */
public final class FunctionCommand implements Subcommand {
  private final Registrar registrar;

  public FunctionCommand(Registrar registrar) {
    this.registrar = registrar;
  }

  @Override
  public String name() {
    return "function";
  }

  @Override
  public String usage() {
    return "%%funcx function NAME   (the rest of the cell is the function's Java source)";
  }

  @Override
  public String summary() {
    return "register the cell's body as function NAME";
  }

  @Override
  public boolean cellForm() {
    return true;
  }

  @Override
  public Object run(String args, String body) {
    String name = MagicArgs.parse(args, ArgSpec.positional(1, 1), usage()).positional(0);
    if (body == null || body.isBlank()) {
      throw Usage.error("the cell has no function source below the magic", usage());
    }
    return registrar.registerSource(name, body).toString();
  }
}
