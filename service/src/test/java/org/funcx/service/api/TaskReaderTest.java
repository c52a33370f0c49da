package org.funcx.service.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.model.TaskState;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.StoreBackend;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A task's outcome is shown only once it is durable: the forwarder stores a result, forces it to
 * disk, then drops the task's live state, and a crash in between loses the result (the task runs
 * again). FaultToleranceTest's service kill saw 1,000 results and found none after the restart
 * (load 21, slow fsyncs): they had been read before their commit. On H2 and on PostgreSQL.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
class TaskReaderTest {
  @Parameter StoreBackend backend;
  @TempDir Path dir;

  @Test
  void an_outcome_stored_but_not_yet_durable_is_not_shown() {
    try (StoreBackend.TestStores stores = backend.open(dir);
        TaskStorage store = stores.openTasks()) {
      LiveTaskStates live = new LiveTaskStates();
      TaskReader reader = new TaskReader(store, live);
      TaskRecord sq = TaskRecord.submitted("t1", "g", "f", "e", "[7]", false, 0, 1);
      TaskRecord boom = TaskRecord.submitted("t2", "g", "f", "e", "[8]", false, 0, 1);
      store.putGroup("g", "alice", List.of("t1", "t2"));
      store.put(sq);
      store.put(boom);
      store.commit();
      live.set("t1", TaskState.RUNNING);
      live.set("t2", TaskState.RUNNING);

      // Stored, its commit not done yet (the forwarder's group commit waits for the disk).
      store.put(sq.succeeded("49", 2));
      store.put(
          boom.withOutput("printed\n", null)
              .failed(TaskError.of(ErrorKind.REMOTE_EXCEPTION, "boom"), 2));
      for (String id : List.of("t1", "t2")) {
        TaskReader.Snapshot seen = reader.read(id, "alice");
        assertThat(seen.state()).as(id).isEqualTo(TaskState.RUNNING);
        assertThat(seen.record().resultJson()).as(id).isNull();
        assertThat(seen.record().error()).as(id).isNull();
        assertThat(seen.record().stdout()).as(id).isNull();
      }

      // Durable, then no longer live: the outcome is shown.
      store.commit();
      live.remove("t1");
      live.remove("t2");
      TaskReader.Snapshot done = reader.read("t1", "alice");
      assertThat(done.state()).isEqualTo(TaskState.SUCCESS);
      assertThat(done.record().resultJson()).isEqualTo("49");
      TaskReader.Snapshot failed = reader.read("t2", "alice");
      assertThat(failed.state()).isEqualTo(TaskState.FAILED);
      assertThat(failed.record().error().message()).isEqualTo("boom");
      assertThat(failed.record().stdout()).isEqualTo("printed\n");
      assertThat(reader.read("t1", "bob")).isNull();
    }
  }
}
