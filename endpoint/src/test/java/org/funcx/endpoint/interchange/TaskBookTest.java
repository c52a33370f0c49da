package org.funcx.endpoint.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.junit.jupiter.api.Test;

/**
 * The interchange's book of tasks, in process: the cases the multi-process fault tests reach
 * (redelivery, a lost manager's tasks, cancels, resends after a reconnect) and edges they cannot
 * (retries exhausted exactly, a cancelled task answering with and without output).
 */
class TaskBookTest {
  private final TaskBook book = new TaskBook();

  private static TaskSpec task(String id) {
    return new TaskSpec(id, "hash", "[]", 0, "function-1");
  }

  private static ResultEnvelope success(String id) {
    return ResultEnvelope.json(TaskResult.success(id, "1"));
  }

  private List<String> drainQueue() {
    List<String> ids = new ArrayList<>();
    for (TaskSpec t; (t = book.poll()) != null; ) ids.add(t.taskId());
    return ids;
  }

  private static List<String> ids(List<ResultEnvelope> results) {
    return results.stream().map(ResultEnvelope::taskId).toList();
  }

  @Test
  void a_redelivered_task_is_taken_once_while_queued_running_or_answered_but_unacknowledged() {
    assertThat(book.accept(task("a"))).isTrue();
    assertThat(book.accept(task("a"))).as("queued").isFalse();
    assertThat(book.poll().taskId()).isEqualTo("a");
    assertThat(book.accept(task("a"))).as("on a manager").isFalse();
    book.complete(success("a"));
    assertThat(book.accept(task("a"))).as("answered, not acknowledged").isFalse();
    book.takeOutbox(10);
    book.acknowledged(List.of("a"));
    assertThat(book.known()).isZero();
    assertThat(book.poll()).isNull();
  }

  @Test
  void tasks_leave_in_arrival_order_and_a_lost_managers_task_goes_first_until_retries_run_out() {
    for (String id : List.of("a", "b", "c")) book.accept(task(id));
    assertThat(book.poll().taskId()).isEqualTo("a");
    assertThat(book.retry("a", 2)).isTrue();
    assertThat(book.poll().taskId()).as("retried at the head").isEqualTo("a");
    assertThat(book.retry("a", 2)).isTrue();
    book.poll();
    assertThat(book.retry("a", 2)).as("a third loss is past 2 retries").isFalse();
    assertThat(drainQueue()).containsExactly("b", "c");
  }

  @Test
  void a_task_not_handed_over_goes_back_first_without_using_a_retry() {
    book.accept(task("a"));
    book.accept(task("b"));
    book.poll();
    for (int i = 0; i < 5; i++) {
      book.requeue("a");
      assertThat(book.poll().taskId()).isEqualTo("a");
    }
    assertThat(book.retry("a", 1)).isTrue();
  }

  @Test
  void a_cancelled_queued_task_is_skipped_and_its_late_answer_is_kept_only_for_its_output() {
    for (String id : List.of("a", "b", "c")) book.accept(task(id));
    book.cancel("b");
    assertThat(drainQueue()).containsExactly("a", "c");
    assertThat(book.isKnown("b")).isFalse();
    assertThat(book.retry("b", 5)).as("a cancelled task is never retried").isFalse();

    book.complete(success("b"));
    assertThat(book.hasOutbox()).as("an answer without output is dropped").isFalse();
    book.cancel("c");
    book.complete(
        ResultEnvelope.json(
            TaskResult.failure("c", TaskError.of(ErrorKind.CANCELLED, "stopped"))
                .withOutput("printed\n", null)));
    assertThat(ids(book.takeOutbox(10))).as("kept for what it printed").containsExactly("c");
  }

  @Test
  void a_second_answer_to_a_task_is_ignored() {
    book.accept(task("a"));
    book.poll();
    book.complete(success("a"));
    book.complete(success("a"));
    assertThat(ids(book.takeOutbox(10))).containsExactly("a");
    assertThat(book.hasOutbox()).isFalse();
  }

  @Test
  void results_leave_in_batches_and_unacknowledged_ones_are_sent_again() {
    for (String id : List.of("a", "b", "c")) {
      book.accept(task(id));
      book.poll();
      book.complete(success(id));
    }
    assertThat(ids(book.takeOutbox(2))).containsExactly("a", "b");
    assertThat(ids(book.takeOutbox(2))).containsExactly("c");
    book.acknowledged(List.of("b"));

    // Sent a moment ago: not yet due for a resend, then overdue for any age below zero.
    assertThat(book.resendOlderThan(60_000)).isZero();
    assertThat(book.resendOlderThan(-1)).isEqualTo(2);
    assertThat(ids(book.takeOutbox(10))).containsExactly("a", "c");

    book.resendUnacknowledged();
    assertThat(ids(book.takeOutbox(10))).as("after a reconnect").containsExactly("a", "c");
    book.acknowledged(List.of("a", "c"));
    book.resendUnacknowledged();
    assertThat(book.hasOutbox()).isFalse();
  }

  @Test
  void only_the_newest_cancelled_tasks_are_remembered() {
    int n = TaskBook.MAX_CANCELLED_KEPT + 1;
    for (int i = 0; i < n; i++) {
      book.accept(task("t" + i));
      book.cancel("t" + i);
    }
    book.complete(ResultEnvelope.json(TaskResult.success("t0", "1").withOutput("x", null)));
    assertThat(book.hasOutbox()).as("the oldest aged out").isFalse();
    book.complete(
        ResultEnvelope.json(TaskResult.success("t" + (n - 1), "1").withOutput("x", null)));
    assertThat(book.hasOutbox()).isTrue();
  }
}
