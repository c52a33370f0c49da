package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.funcx.core.model.TaskState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What every task store keeps across a reopen, on embedded MVStore and on the real PostgreSQL of
 * scripts/postgres with the same assertions: records, binary results, batches and their owners,
 * memoized results, and what expiry removes.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
class TaskStorageTest {
  @Parameter StoreBackend backend;
  @TempDir Path dir;
  private StoreBackend.TestStores stores;
  private TaskStorage store;

  @BeforeEach
  void open() {
    stores = backend.open(dir);
    store = stores.openTasks();
  }

  @AfterEach
  void close() {
    store.close();
    stores.close();
  }

  private void reopen() {
    store.close();
    store = stores.openTasks();
  }

  private static TaskRecord task(String id, String group) {
    return TaskRecord.submitted(id, group, "f", "e", "[1]", false, 0, 10);
  }

  @Test
  void committed_tasks_batches_and_memoized_results_survive_a_reopen_and_are_read_before_it() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 2_500; i++) {
      ids.add("t" + i);
      store.put(task("t" + i, "g1"));
    }
    store.putGroup("g1", "alice", ids);
    store.memoize("key-1", "42");
    assertThat(store.get("t7").state())
        .as("readable before its commit")
        .isEqualTo(TaskState.WAITING_FOR_ENDPOINT);
    store.commit();
    store.put(store.get("t7").succeeded("49", 20));
    store.commit();

    reopen();
    assertThat(store.taskCount()).isEqualTo(2_500);
    assertThat(store.get("t7").resultJson()).isEqualTo("49");
    assertThat(store.get("t8").state()).isEqualTo(TaskState.WAITING_FOR_ENDPOINT);
    assertThat(store.get("nope")).isNull();
    assertThat(store.group("g1")).containsExactlyElementsOf(ids);
    assertThat(store.groupOwner("g1")).isEqualTo("alice");
    assertThat(store.group("nope")).isNull();
    assertThat(store.memoized("key-1")).isEqualTo("42");
    List<String> seen = new ArrayList<>();
    store.forEach(r -> seen.add(r.taskId()));
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
  }

  @Test
  void a_binary_result_reads_back_byte_for_byte_after_a_reopen() throws Exception {
    byte[] bytes = new byte[3 << 20];
    new Random(7).nextBytes(bytes);
    store.put(task("t1", "g"));
    store.putBinary("t1", bytes);
    store.put(store.get("t1").succeededBinary("arrow", bytes.length, 20));
    store.commit();

    reopen();
    try (InputStream in = store.openBinary("t1")) {
      assertThat(in.readAllBytes()).isEqualTo(bytes);
    }
  }

  @Test
  void expiry_removes_old_finished_tasks_their_results_and_emptied_batches_only() throws Exception {
    store.put(task("old", "g-old").succeededBinary("arrow", 3, 100));
    store.putBinary("old", new byte[] {1, 2, 3});
    store.put(task("new", "g-new").succeeded("1", 5_000));
    store.put(task("running", "g-old2"));
    store.putGroup("g-old", "alice", List.of("old"));
    store.putGroup("g-new", "alice", List.of("new"));
    store.putGroup("g-old2", "alice", List.of("running"));
    store.commit();

    assertThat(store.expireCompletedBefore(1_000)).isEqualTo(1);
    reopen();
    assertThat(store.get("old")).isNull();
    assertThat(store.group("g-old")).isNull();
    assertThat(store.get("new")).isNotNull();
    assertThat(store.group("g-new")).containsExactly("new");
    assertThat(store.get("running")).isNotNull();
    assertThat(store.group("g-old2")).containsExactly("running");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.openBinary("old").close())
        .isInstanceOf(java.io.IOException.class);
  }
}
