package org.funcx.kernel.spi;

/** A magic used as {@code %%name args} on the first line of a cell; the rest is its body. */
@FunctionalInterface
public interface CellMagic {
  /**
   * Runs the magic.
   *
   * @param args the rest of the first line after the name, verbatim (quotes kept), trimmed
   * @param body the cell's remaining lines, verbatim
   * @return the cell's result (rendered like a value), or null
   * @throws MagicException for failures the user can act on; shown without a kernel stack trace
   */
  Object eval(String args, String body) throws Exception;
}
