package org.funcx.service.store;

import org.funcx.core.model.FunctionSpec;

/**
 * Key of a memoized result: who asked, the function's content hash and the exact argument JSON.
 * Per user, because a function may read what differs between users' calls (their files, their
 * environment on a shared endpoint).
 */
public final class MemoKey {
  private MemoKey() {}

  public static String of(String owner, String functionHash, String argsJson) {
    return FunctionSpec.contentHash(owner + "/" + functionHash, argsJson);
  }
}
