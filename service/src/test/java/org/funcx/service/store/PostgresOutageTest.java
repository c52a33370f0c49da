package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Commits that fail on the real PostgreSQL of scripts/postgres. The fault is real and confined to
 * this test's schema: its {@code tasks} table is renamed away, so the driver's inserts fail, then
 * renamed back (PostgreSQL "returns"). What a failed commit held is gone, never stored later, and
 * each writer hears the fate of its own writes, whichever caller's round carried them: the
 * service answers 503 to a submission only when nothing of it is stored.
 */
class PostgresOutageTest {
  private PostgresDatabase database;
  private PostgresTaskStore store;

  @BeforeEach
  void open() {
    database = RealPostgres.start().freshSchema();
    store = new PostgresTaskStore(database);
  }

  @AfterEach
  void close() {
    store.close();
    RealPostgres.dropSchema(database);
  }

  private void tasksTable(String from, String to) throws Exception {
    try (var c = database.connect();
        var s = c.createStatement()) {
      s.execute("ALTER TABLE " + from + " RENAME TO " + to);
    }
  }

  private static TaskRecord task(String id) {
    return TaskRecord.submitted(id, "g", "f", "e", "[1]", false, 0, 10);
  }

  @Test
  void a_failed_commit_drops_its_writes_and_they_are_not_stored_when_postgresql_returns()
      throws Exception {
    store.put(task("kept"));
    store.commit();

    tasksTable("tasks", "tasks_away");
    store.put(task("refused-1"));
    store.put(task("refused-2"));
    store.putGroup("refused-group", "alice", List.of("refused-1", "refused-2"));
    assertThatThrownBy(store::commit).isInstanceOf(StoreUnavailableException.class);

    tasksTable("tasks_away", "tasks");
    assertThat(store.get("refused-1")).as("dropped, not buffered").isNull();
    assertThat(store.group("refused-group")).isNull();
    store.put(task("after"));
    store.commit();
    store.close();
    store = new PostgresTaskStore(database);
    assertThat(store.get("kept")).isNotNull();
    assertThat(store.get("after")).isNotNull();
    assertThat(store.get("refused-1")).isNull();
    assertThat(store.get("refused-2")).isNull();
    assertThat(store.group("refused-group")).isNull();
    assertThat(store.taskCount()).isEqualTo(2);
  }

  @Test
  void a_writer_whose_writes_another_callers_failed_round_dropped_hears_it_at_its_commit()
      throws Exception {
    var other = Executors.newSingleThreadExecutor(r -> new Thread(r, "other-writer"));
    try {
      // This thread writes; another caller commits (and fails) before this thread asks.
      store.put(task("mine"));
      tasksTable("tasks", "tasks_away");
      CompletableFuture<Void> theirs =
          CompletableFuture.runAsync(
              () -> {
                store.put(task("theirs"));
                store.commit();
              },
              other);
      assertThatThrownBy(theirs::join).hasCauseInstanceOf(StoreUnavailableException.class);
      tasksTable("tasks_away", "tasks");
      // PostgreSQL is back and this thread's own round succeeds, but its write was in the
      // round that failed: it must not be told its write is stored.
      assertThatThrownBy(store::commit)
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageContaining("not stored");
      assertThat(store.get("mine")).isNull();

      // A writer whose writes an earlier round stored is not failed by a later round's failure.
      store.put(task("stored-early"));
      CompletableFuture.runAsync(store::commit, other).join(); // its round carries "stored-early"
      tasksTable("tasks", "tasks_away");
      CompletableFuture.runAsync(() -> store.put(task("late")), other).join();
      store.commit(); // this round holds only "late", and fails; "stored-early" is stored
      tasksTable("tasks_away", "tasks");
      assertThat(store.get("stored-early")).isNotNull();
      // ...and the writer of "late" hears that its write is gone.
      assertThatThrownBy(() -> CompletableFuture.runAsync(store::commit, other).join())
          .hasCauseInstanceOf(StoreUnavailableException.class);
      assertThat(store.get("late")).isNull();
    } finally {
      other.shutdownNow();
    }
  }
}
