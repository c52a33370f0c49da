package org.funcx.magics.commands;

/** One {@code %funcx} subcommand, e.g. {@code run}; small classes, one per subcommand. */
public interface Subcommand {
  /** The word after {@code %funcx}. */
  String name();

  /** One line: how to call it, e.g. {@code %funcx use ENDPOINT}. */
  String usage();

  /** One line: what it does. */
  String summary();

  /** True for the {@code %%funcx NAME} cell form, whose cell body is an input. */
  default boolean cellForm() {
    return false;
  }

  /** True for the {@code %funcx NAME} line form; a subcommand may have both. */
  default boolean lineForm() {
    return !cellForm();
  }

  /**
   * Runs the subcommand.
   *
   * @param args the rest of the magic line after the subcommand's name, verbatim
   * @param body the cell body for the cell form, null for the line form
   * @return shown as the cell's result; null for nothing
   */
  Object run(String args, String body) throws Exception;
}
