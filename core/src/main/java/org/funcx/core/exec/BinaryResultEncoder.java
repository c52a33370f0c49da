package org.funcx.core.exec;

/**
 * Encodes results that have a better form than JSON, such as tables as Arrow IPC. Plugged into
 * {@link FunctionCompiler} by the worker, so this module needs no table library.
 */
@FunctionalInterface
public interface BinaryResultEncoder {
  /** Returns the encoded result, or null to fall back to JSON. May throw for unencodable values. */
  BinaryResult encode(Object value) throws Exception;

  /**
   * @param format media format of the bytes, e.g. {@code arrow} (Arrow IPC stream)
   */
  record BinaryResult(String format, byte[] bytes) {}
}
