package org.funcx.magics.commands;

import org.funcx.magics.Registrar;
import org.funcx.magics.args.ArgSpec;
import org.funcx.magics.args.MagicArgs;
import org.funcx.magics.args.ParsedArgs;

/**
 * {@code %funcx register METHOD [--name N]}: registers a method defined in the notebook, with the
 * imports and helper methods and classes it needs.
 */
public final class RegisterCommand implements Subcommand {
  private static final ArgSpec SPEC = ArgSpec.positional(1, 1).withValues("--name");
  private final Registrar registrar;

  public RegisterCommand(Registrar registrar) {
    this.registrar = registrar;
  }

  @Override
  public String name() {
    return "register";
  }

  @Override
  public String usage() {
    return "%funcx register METHOD [--name NAME]";
  }

  @Override
  public String summary() {
    return "register a method defined in the notebook (with its imports and helpers)";
  }

  @Override
  public Object run(String args, String body) {
    ParsedArgs parsed = MagicArgs.parse(args, SPEC, usage());
    String method = parsed.positional(0);
    return registrar.registerMethod(method, parsed.value("--name").orElse(method)).toString();
  }
}
