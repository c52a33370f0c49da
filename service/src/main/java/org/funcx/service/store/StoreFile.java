package org.funcx.service.store;

import java.nio.file.Path;
import org.funcx.core.io.PrivateFiles;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.type.ByteArrayDataType;
import org.h2.mvstore.type.StringDataType;

/**
 * One open MVStore file with its maps (tasks, task groups, memoized results, and who submitted
 * each group: tasks belong to the submitter of their group); replaced whole when the store has
 * to be reopened.
 */
record StoreFile(
    MVStore store,
    MVMap<String, byte[]> tasks,
    MVMap<String, String> groups,
    MVMap<String, String> memo,
    MVMap<String, String> groupOwners) {

  static StoreFile open(Path file) {
    // No background writer: with one, every commit hands its page serialization and its write to
    // two executor threads and waits for them (four thread switches per commit on the hot path).
    // Commits are explicit anyway; StoreHousekeeping does the chunk compaction it also did.
    // "retry:": a thread interrupted while it writes or syncs (a request thread at shutdown, a
    // cancelled wait) would otherwise close the file's channel for every thread; H2 reopens it.
    MVStore store = new MVStore.Builder().fileName("retry:" + file).autoCommitDisabled().open();
    try {
      PrivateFiles.tighten(file); // MVStore creates it with the umask
    } catch (java.io.IOException e) {
      store.closeImmediately();
      throw new java.io.UncheckedIOException("cannot make " + file + " private", e);
    }
    // Typed keys and values: the generic ObjectDataType costs a type probe per read and write.
    return new StoreFile(
        store,
        store.openMap(
            "tasks",
            new MVMap.Builder<String, byte[]>()
                .keyType(StringDataType.INSTANCE)
                .valueType(ByteArrayDataType.INSTANCE)),
        store.openMap("groups", strings()),
        store.openMap("memo", strings()),
        store.openMap("group_owners", strings()));
  }

  private static MVMap.Builder<String, String> strings() {
    return new MVMap.Builder<String, String>()
        .keyType(StringDataType.INSTANCE)
        .valueType(StringDataType.INSTANCE);
  }
}
