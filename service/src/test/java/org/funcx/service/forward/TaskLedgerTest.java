package org.funcx.service.forward;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.FunctionKind;
import org.funcx.core.model.FunctionSpec;
import org.funcx.core.model.TaskState;
import org.funcx.core.wire.Messages;
import org.funcx.core.wire.Messages.TaskResult;
import org.funcx.core.wire.ResultEnvelope;
import org.funcx.service.metrics.ServiceMetrics;
import org.funcx.service.output.LiveOutputWindows;
import org.funcx.service.store.FunctionCatalog;
import org.funcx.service.store.LiveTaskStates;
import org.funcx.service.store.Registry;
import org.funcx.service.store.Sharing;
import org.funcx.service.store.StoreBackend;
import org.funcx.service.store.TaskCompletions;
import org.funcx.service.store.TaskRecord;
import org.funcx.service.store.TaskStorage;
import org.funcx.service.store.UnfinishedTaskQuotas;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The forwarder's state machine in process, over the real task store and registry in a temporary
 * directory, without sockets: what is sent on a connection and a reconnection, how results,
 * cancels, deleted functions and a lost endpoint end tasks, and what a restart recovers. The
 * multi-process fault suites reach these through real agents in minutes; this runs in a second.
 * Every test runs on embedded H2 and on the real PostgreSQL of scripts/postgres.
 */
@ParameterizedClass
@EnumSource(StoreBackend.class)
class TaskLedgerTest {
  private static final String ENDPOINT = "endpoint-a";
  private static final String OTHER_ENDPOINT = "endpoint-b";
  private static final String FUNCTION = "00000000-0000-0000-0000-0000000000f1";

  @Parameter StoreBackend backend;
  @TempDir Path dir;
  private StoreBackend.TestStores stores;
  private Registry registry;
  private TaskStorage store;
  private TaskLedger ledger;
  private long clock = 1_000;

  @BeforeEach
  void open() {
    stores = backend.open(dir);
    registry = stores.registry();
    FunctionSpec spec = FunctionSpec.shell("echo {x}");
    registry.addFunction(
        new Registry.FunctionRow(
            FUNCTION,
            "echo",
            "",
            spec.source(),
            spec.hash(),
            "(x)",
            null,
            1L,
            Sharing.privateTo("someone"),
            FunctionKind.SHELL,
            List.of()));
    ledger = ledgerOver(store = stores.openTasks());
  }

  @AfterEach
  void close() {
    store.close();
    stores.close();
  }

  private TaskLedger ledgerOver(TaskStorage tasks) {
    var live = new LiveTaskStates();
    var catalog = new FunctionCatalog(registry);
    var metrics = new ServiceMetrics();
    var completions =
        new TaskCompletions(
            tasks,
            live,
            catalog,
            done -> {},
            new UnfinishedTaskQuotas(UnfinishedTaskQuotas.Limits.DEFAULT),
            metrics);
    return new TaskLedger(tasks, live, catalog, completions, metrics, new LiveOutputWindows());
  }

  private TaskRecord submit(String taskId, String endpoint) {
    TaskRecord task =
        TaskRecord.submitted(
            taskId, "group-1", FUNCTION, endpoint, "[\"" + taskId + "\"]", false, 0, clock++);
    store.put(task);
    store.commit();
    ledger.add(task);
    return task;
  }

  private EndpointLink connect(String endpoint, String session) {
    EndpointLink link = ledger.link(endpoint);
    link.connect(new byte[] {1}, session, clock++);
    return link;
  }

  private List<String> sendAll(EndpointLink link, int batchSize) {
    List<String> sent = new ArrayList<>();
    for (var batch = ledger.nextBatch(link, batchSize);
        batch.isPresent();
        batch = ledger.nextBatch(link, batchSize)) {
      assertThat(batch.get().tasks()).hasSizeLessThanOrEqualTo(batchSize);
      batch.get().tasks().forEach(t -> sent.add(t.taskId()));
    }
    return sent;
  }

  private void answer(EndpointLink link, String taskId, String resultJson) {
    ledger.results(link, List.of(ResultEnvelope.json(TaskResult.success(taskId, resultJson))));
    ledger.commit();
  }

  @Test
  void tasks_submitted_while_the_endpoint_is_away_are_sent_in_order_when_it_connects() {
    for (String id : List.of("t1", "t2", "t3")) submit(id, ENDPOINT);
    EndpointLink link = ledger.link(ENDPOINT);
    assertThat(ledger.nextBatch(link, 10)).as("offline: nothing to send").isEmpty();

    connect(ENDPOINT, "session-1");
    assertThat(sendAll(link, 2)).containsExactly("t1", "t2", "t3");
    assertThat(ledger.status(ENDPOINT).outstandingTasks()).isEqualTo(3);
  }

  @Test
  void the_same_agent_reconnecting_gets_only_what_it_never_acknowledged_a_new_agent_gets_all() {
    for (String id : List.of("t1", "t2", "t3")) submit(id, ENDPOINT);
    EndpointLink link = connect(ENDPOINT, "session-1");
    sendAll(link, 10);
    ledger.acknowledged(link, List.of("t1", "t2"));

    link.goOffline();
    connect(ENDPOINT, "session-1");
    assertThat(sendAll(link, 10)).containsExactly("t3");

    link.goOffline();
    connect(ENDPOINT, "session-2");
    assertThat(sendAll(link, 10))
        .as("a restarted agent lost what it held")
        .containsExactly("t1", "t2", "t3");
  }

  @Test
  void a_result_ends_its_task_durably_once_and_strangers_and_other_endpoints_are_ignored() {
    submit("t1", ENDPOINT);
    submit("t2", OTHER_ENDPOINT);
    EndpointLink link = connect(ENDPOINT, "session-1");
    sendAll(link, 10);

    answer(link, "t1", "42");
    answer(link, "t1", "43");
    answer(link, "t2", "44");
    answer(link, "never-submitted", "45");

    assertThat(store.get("t1").state()).isEqualTo(TaskState.SUCCESS);
    assertThat(store.get("t1").resultJson()).as("the first answer wins").isEqualTo("42");
    assertThat(store.get("t2").state())
        .as("answered by an endpoint it was not sent to")
        .isEqualTo(TaskState.WAITING_FOR_ENDPOINT);
    assertThat(store.get("never-submitted")).isNull();
    assertThat(ledger.status(ENDPOINT).outstandingTasks()).isZero();
  }

  @Test
  void
      a_cancelled_task_ends_cancelled_the_endpoint_is_told_and_its_late_result_keeps_only_output() {
    submit("t1", ENDPOINT);
    EndpointLink link = connect(ENDPOINT, "session-1");
    sendAll(link, 10);
    ledger.acknowledged(link, List.of("t1"));

    assertThat(ledger.cancel("t1")).isTrue();
    assertThat(ledger.cancel("t1")).as("already finished").isFalse();
    assertThat(store.get("t1").state()).isEqualTo(TaskState.CANCELLED);
    assertThat(link.cancelsToSend).containsExactly("t1");

    ledger.results(
        link,
        List.of(
            ResultEnvelope.json(
                TaskResult.success("t1", "42").withOutput("printed before it stopped\n", null))));
    ledger.commit();
    TaskRecord after = store.get("t1");
    assertThat(after.state()).isEqualTo(TaskState.CANCELLED);
    assertThat(after.resultJson()).isNull();
    assertThat(after.stdout()).isEqualTo("printed before it stopped\n");
  }

  @Test
  void a_task_whose_function_was_deleted_before_it_was_sent_fails_naming_the_function() {
    submit("t1", ENDPOINT);
    registry.deleteFunction(FUNCTION);
    EndpointLink link = connect(ENDPOINT, "session-1");

    assertThat(sendAll(link, 10)).isEmpty();
    TaskRecord failed = store.get("t1");
    assertThat(failed.state()).isEqualTo(TaskState.FAILED);
    assertThat(failed.error().kind()).isEqualTo(ErrorKind.FUNCTION_NOT_FOUND);
    assertThat(failed.error().message()).contains(FUNCTION);
  }

  @Test
  void an_endpoint_gone_for_good_fails_every_task_it_had_and_no_other() {
    submit("t1", ENDPOINT);
    submit("t2", ENDPOINT);
    submit("t3", OTHER_ENDPOINT);
    sendAll(connect(ENDPOINT, "session-1"), 10);

    ledger.endpointLost(ENDPOINT, "was deleted");
    for (String id : List.of("t1", "t2")) {
      assertThat(store.get(id).state()).isEqualTo(TaskState.FAILED);
      assertThat(store.get(id).error().kind()).isEqualTo(ErrorKind.ENDPOINT_LOST);
    }
    assertThat(store.get("t3").state()).isEqualTo(TaskState.WAITING_FOR_ENDPOINT);
  }

  @Test
  void a_restart_recovers_the_unfinished_tasks_in_submission_order_and_not_the_finished() {
    for (String id : List.of("t1", "t2", "t3")) submit(id, ENDPOINT);
    EndpointLink link = connect(ENDPOINT, "session-1");
    sendAll(link, 10);
    answer(link, "t2", "2");
    store.close();

    store = stores.openTasks();
    ledger = ledgerOver(store);
    ledger.recover();
    assertThat(sendAll(connect(ENDPOINT, "session-2"), 10)).containsExactly("t1", "t3");
  }

  @Test
  void a_batch_carries_each_function_it_needs_once() {
    for (int i = 0; i < 5; i++) submit("t" + i, ENDPOINT);
    EndpointLink link = connect(ENDPOINT, "session-1");
    Messages.Tasks batch = ledger.nextBatch(link, 10).orElseThrow();
    assertThat(batch.tasks()).hasSize(5);
    assertThat(batch.functions()).hasSize(1);
    assertThat(batch.tasks())
        .allSatisfy(t -> assertThat(batch.functions()).containsKey(t.functionHash()));
  }
}
