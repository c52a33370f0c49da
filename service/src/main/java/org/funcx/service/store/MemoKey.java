package org.funcx.service.store;

import org.funcx.core.model.FunctionSpec;

/** Key of a memoized result: the function's content hash with the exact argument JSON. */
public final class MemoKey {
  private MemoKey() {}

  public static String of(String functionHash, String argsJson) {
    return FunctionSpec.contentHash(functionHash, argsJson);
  }
}
