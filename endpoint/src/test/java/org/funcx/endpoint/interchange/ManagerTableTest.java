package org.funcx.endpoint.interchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.wire.Liveness;
import org.funcx.core.wire.MessageType;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.RegisterManager;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.Messages.TaskSpec;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.core.wire.WireMessage;
import org.junit.jupiter.api.Test;

/**
 * The interchange's rules for managers, in process and in milliseconds: fair shares, prefetch
 * that follows task length, answers that count only from the manager holding the task, hand-backs,
 * cancels, and what happens to a manager's tasks when it is lost, its block ends, its queue is
 * full or its connection is gone. The multi-process fault suites (cli) cover the same rules through
 * real managers; this covers the edges they cannot reach on purpose.
 */
class ManagerTableTest {
  private static final long BEAT = 1_000;
  private static final int MAX_RETRIES = 1;

  private final TaskBook book = new TaskBook();
  private final ManagerSecrets secrets = new ManagerSecrets();
  private final ManagerLinkCounters counters = new ManagerLinkCounters();
  private final List<Sent> sent = new ArrayList<>();
  private ManagerTable.Delivery nextDelivery = ManagerTable.Delivery.SENT;
  private final ManagerTable table =
      new ManagerTable(
          book,
          secrets,
          counters,
          MAX_RETRIES,
          (route, message) -> {
            ManagerTable.Delivery delivery = nextDelivery;
            if (delivery == ManagerTable.Delivery.SENT) sent.add(new Sent(name(route), message));
            return delivery;
          });

  private record Sent(String manager, WireMessage message) {}

  private static String name(byte[] route) {
    return new String(route, StandardCharsets.UTF_8);
  }

  private static byte[] route(String manager) {
    return manager.getBytes(StandardCharsets.UTF_8);
  }

  private static ManagerGate.Identity identity(String manager) {
    return new ManagerGate.Identity("block-of-" + manager, manager);
  }

  /** Registers {@code manager} in its own live block with {@code workers} and a prefetch floor. */
  private void register(String manager, int workers, int prefetch, long now) {
    secrets.issue("block-of-" + manager);
    table.registered(
        identity(manager),
        route(manager),
        new RegisterManager(manager, "block-of-" + manager, workers, prefetch, "host", 42, "proof"),
        now);
  }

  private void queue(String... ids) {
    book.addFunction(new FunctionSpec("hash", "f", "source"));
    for (String id : ids) book.accept(new TaskSpec(id, "hash", "[]", 0, "function-1"));
  }

  /** {@code manager} (one worker, no prefetch) registered and holding {@code task}. */
  private void managerHolding(String manager, String task) {
    register(manager, 1, 0, 0);
    queue(task);
    table.dispatch();
  }

  private static String[] ids(String prefix, int n) {
    return IntStream.range(0, n).mapToObj(i -> prefix + i).toArray(String[]::new);
  }

  /** Task ids sent to {@code manager} in TASKS messages so far. */
  private List<String> tasksSentTo(String manager) {
    List<String> ids = new ArrayList<>();
    for (Sent s : sent) {
      if (s.manager().equals(manager) && s.message().type() == MessageType.TASKS) {
        s.message().body(Messages.Tasks.class).tasks().forEach(t -> ids.add(t.taskId()));
      }
    }
    return ids;
  }

  private List<Sent> sentOfType(MessageType type) {
    return sent.stream().filter(s -> s.message().type() == type).toList();
  }

  private void answer(String manager, long meanMicros, long now, ResultEnvelope... results) {
    table.fromManager(
        identity(manager), route(manager), ResultEnvelope.pack(List.of(results), meanMicros), now);
  }

  private static ResultEnvelope success(String id) {
    return ResultEnvelope.json(TaskResult.success(id, "1"));
  }

  private List<ResultEnvelope> outbox() {
    return book.hasOutbox() ? book.takeOutbox(100_000) : List.of();
  }

  private int running() {
    return table.heartbeatFigures(null, BlockCounts.NONE).running();
  }

  @Test
  void a_thousand_managers_each_get_one_of_a_thousand_tasks_not_the_first_few_up_to_prefetch() {
    for (int i = 0; i < 1_000; i++) register("m" + i, 4, 16, 0);
    queue(ids("t", 1_000));
    table.dispatch();
    for (int i = 0; i < 1_000; i++) assertThat(tasksSentTo("m" + i)).as("m" + i).hasSize(1);
    assertThat(running()).isEqualTo(1_000);
    assertThat(table.takeDispatched()).hasSize(1_000);
    assertThat(table.takeDispatched()).as("taken once").isEmpty();
  }

  @Test
  void one_task_per_pass_goes_to_a_different_manager_each_pass() {
    for (String m : List.of("a", "b", "c", "d")) register(m, 2, 8, 0);
    Set<String> receivers = new HashSet<>();
    for (int pass = 0; pass < 4; pass++) {
      queue("t" + pass);
      table.dispatch();
      receivers.add(sent.get(sent.size() - 1).manager());
    }
    assertThat(receivers).containsExactlyInAnyOrder("a", "b", "c", "d");
  }

  @Test
  void a_function_travels_to_a_manager_once() {
    register("a", 1, 0, 0);
    queue("t1", "t2");
    table.dispatch();
    answer("a", 0, 1, success("t1"));
    table.dispatch();
    List<Sent> batches = sentOfType(MessageType.TASKS);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0).message().body(Messages.Tasks.class).functions()).containsKey("hash");
    assertThat(batches.get(1).message().body(Messages.Tasks.class).functions()).isEmpty();
  }

  @Test
  void prefetch_grows_for_short_tasks_and_falls_back_to_the_floor_for_long_ones() {
    register("a", 2, 1, 0);
    queue(ids("t", 500));
    table.dispatch();
    assertThat(tasksSentTo("a")).as("workers + floor").hasSize(3);
    // 1 ms tasks: 50 ms of work per worker is 100 tasks of prefetch, plus the 2 workers
    answer("a", 1_000, 1, success("t0"));
    table.dispatch();
    assertThat(running()).isEqualTo(102);
    // tasks of 2 s: the floor again, so long tasks do not wait behind each other on one manager
    answer("a", 2_000_000, 2, success("t1"));
    table.dispatch();
    assertThat(running()).as("nothing new until it is under workers + floor").isEqualTo(101);
  }

  @Test
  void an_answer_counts_only_from_the_manager_that_holds_the_task() {
    register("a", 1, 0, 0);
    register("b", 1, 0, 0);
    queue("t1", "t2");
    table.dispatch();
    String heldByA = tasksSentTo("a").get(0);
    answer("b", 0, 1, success(heldByA));
    assertThat(counters.foreignResults()).isEqualTo(1);
    assertThat(outbox()).isEmpty();
    answer("a", 0, 2, success(heldByA));
    assertThat(outbox()).extracting(ResultEnvelope::taskId).containsExactly(heldByA);
  }

  @Test
  void a_silent_manager_is_lost_its_tasks_retried_then_failed_as_worker_lost_with_its_name() {
    managerHolding("a", "t1");
    long silence = Liveness.MANAGER_LINK_BEATS * BEAT + 1;
    table.heartbeat(silence, BEAT);
    assertThat(counters.lostManagers()).isEqualTo(1);
    assertThat(running()).isZero();
    register("b", 1, 0, silence);
    table.dispatch();
    assertThat(tasksSentTo("b")).as("retried on another manager").containsExactly("t1");
    table.heartbeat(2 * silence, BEAT); // b silent too: retries (1) are used up
    List<ResultEnvelope> failed = outbox();
    assertThat(failed).hasSize(1);
    assertThat(failed.get(0).result().error().kind()).isEqualTo(ErrorKind.WORKER_LOST);
    assertThat(failed.get(0).result().error().message())
        .contains("manager b", "block-of-b", "pid 42", "missed", "retries used up (1)");
  }

  @Test
  void a_manager_given_up_on_that_answers_after_all_wins_once_and_is_told_to_register_again() {
    managerHolding("a", "t1");
    long later = Liveness.MANAGER_LINK_BEATS * BEAT + 1;
    table.heartbeat(later, BEAT);
    register("b", 1, 0, later);
    table.dispatch();
    answer("a", 0, later + 1, success("t1"));
    assertThat(sentOfType(MessageType.RECONNECT)).extracting(Sent::manager).containsExactly("a");
    assertThat(outbox()).extracting(ResultEnvelope::taskId).containsExactly("t1");
    answer("b", 0, later + 2, success("t1"));
    assertThat(outbox()).as("the retried copy's answer comes second: ignored").isEmpty();
    assertThat(counters.foreignResults()).isZero();
  }

  @Test
  void a_manager_registering_again_keeps_its_tasks() {
    managerHolding("a", "t1");
    table.registered(
        identity("a"),
        route("a-new-connection"),
        new RegisterManager("a", "block-of-a", 1, 0, "host", 42, "proof"),
        5);
    assertThat(running()).isEqualTo(1);
    assertThat(counters.registrations()).isEqualTo(1);
    answer("a", 0, 6, success("t1"));
    assertThat(outbox()).hasSize(1);
  }

  @Test
  void tasks_handed_back_by_a_restarting_manager_go_first_in_their_order_and_it_gets_no_more() {
    register("a", 2, 0, 0);
    queue("t1", "t2", "t3");
    table.dispatch();
    List<TaskSpec> handed =
        sentOfType(MessageType.TASKS).get(0).message().body(Messages.Tasks.class).tasks();
    table.fromManager(
        identity("a"),
        route("a"),
        new WireMessage(MessageType.TASKS, new Messages.Tasks(Map.of(), handed)),
        1);
    table.dispatch();
    assertThat(tasksSentTo("a")).as("draining: nothing new").containsExactly("t1", "t2");
    assertThat(book.poll().taskId()).isEqualTo("t1");
    assertThat(book.poll().taskId()).isEqualTo("t2");
    assertThat(book.poll().taskId()).isEqualTo("t3");
  }

  @Test
  void a_cancel_reaches_the_manager_holding_the_task_and_its_answer_keeps_only_printed_output() {
    register("a", 2, 0, 0);
    queue("t1", "t2");
    table.dispatch();
    table.cancel(List.of("t1", "t2", "never-seen"));
    List<Sent> cancels = sentOfType(MessageType.CANCEL);
    assertThat(cancels).hasSize(1);
    assertThat(cancels.get(0).message().body(Messages.TaskIds.class).taskIds())
        .containsExactly("t1", "t2");
    assertThat(running()).isZero();
    answer("a", 0, 1, success("t1").withOutput("printed before the cancel\n", null), success("t2"));
    assertThat(outbox()).extracting(ResultEnvelope::taskId).containsExactly("t1");
    assertThat(counters.foreignResults()).isZero();
  }

  @Test
  void a_withdrawn_secret_requeues_the_managers_tasks_at_once_and_its_late_answer_does_not_count() {
    managerHolding("a", "t1");
    secrets.withdraw("block-of-a");
    table.dispatch();
    assertThat(counters.lostManagers()).isEqualTo(1);
    assertThat(book.poll().taskId()).as("queued again").isEqualTo("t1");
    book.requeue("t1");
    answer("a", 0, 1, success("t1"));
    assertThat(outbox()).as("its block ended: it may not come back").isEmpty();
  }

  @Test
  void an_ended_block_loses_its_managers_for_good() {
    managerHolding("a", "t1");
    table.blockEnded("block-of-a", "job cancelled");
    assertThat(counters.lostManagers()).isEqualTo(1);
    assertThat(table.loadSnapshot(1).queuedTasks()).isEqualTo(1);
    answer("a", 0, 2, success("t1"));
    assertThat(outbox())
        .as("a lost manager of a live block would count; this block ended")
        .isEmpty();
  }

  @Test
  void tasks_for_a_full_queue_stay_queued_in_order_and_a_gone_connection_loses_the_manager() {
    register("a", 2, 0, 0);
    queue("t1", "t2", "t3");
    nextDelivery = ManagerTable.Delivery.QUEUE_FULL;
    table.dispatch();
    assertThat(running()).isZero();
    assertThat(counters.lostManagers()).isZero();
    nextDelivery = ManagerTable.Delivery.GONE;
    table.dispatch();
    assertThat(counters.lostManagers()).isEqualTo(1);
    assertThat(book.poll().taskId()).isEqualTo("t1");
    assertThat(book.poll().taskId()).isEqualTo("t2");
    assertThat(book.poll().taskId()).isEqualTo("t3");
  }

  @Test
  void live_output_is_kept_only_for_tasks_the_manager_holds_and_is_bounded() {
    managerHolding("a", "t1");
    List<Messages.OutputChunk> chunks = new ArrayList<>();
    for (int i = 0; i < 10_000; i++) chunks.add(new Messages.OutputChunk("t1", i, "eA==", 0, null));
    chunks.add(0, new Messages.OutputChunk("not-its-task", 0, "eA==", 0, null));
    table.fromManager(
        identity("a"),
        route("a"),
        new WireMessage(MessageType.OUTPUT, new Messages.LiveOutput(chunks)),
        1);
    List<Messages.OutputChunk> kept = table.takeLiveOutput();
    assertThat(kept).isNotEmpty().allMatch(c -> c.taskId().equals("t1"));
    assertThat(kept.size()).isLessThan(chunks.size());
    assertThat(table.takeLiveOutput()).isEmpty();
  }

  @Test
  void the_load_snapshot_counts_queued_tasks_idle_workers_and_each_blocks_last_busy_time() {
    register("a", 4, 0, 0);
    register("b", 2, 0, 0);
    queue(ids("t", 3));
    table.dispatch();
    LoadSnapshot load = table.loadSnapshot(77);
    assertThat(load.queuedTasks()).isZero();
    assertThat(load.idleSlots()).isEqualTo(6 - 3);
    assertThat(load.blockLastBusyMillis())
        .containsEntry("block-of-a", 77L)
        .containsEntry("block-of-b", 77L);
    var job = new Messages.BlockReport("block-of-a", "4711", "running", "", 5);
    var waiting = new Messages.BlockReport("block-of-c", "4712", "pending", "Resources", 6);
    Messages.Heartbeat beat =
        table.heartbeatFigures("a problem", new BlockCounts(2, 1, List.of(job, waiting)));
    assertThat(beat.managers()).isEqualTo(2);
    assertThat(beat.workers()).isEqualTo(6);
    assertThat(beat.running()).isEqualTo(3);
    assertThat(beat.problem()).isEqualTo("a problem");
    assertThat(beat.pendingBlocks()).isEqualTo(1);
    assertThat(beat.blockList()).containsExactly(job, waiting);
  }
}
