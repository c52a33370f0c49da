package org.funcx.kernel.spi;

/** A magic used as {@code %name args} on a line of its own. */
@FunctionalInterface
public interface LineMagic {
  /**
   * Runs the magic.
   *
   * @param args the rest of the line after the name, verbatim (quotes kept), trimmed
   * @return the cell's result when this is the cell's last line (rendered like a value), or null
   * @throws MagicException for failures the user can act on; shown without a kernel stack trace
   */
  Object eval(String args) throws Exception;
}
