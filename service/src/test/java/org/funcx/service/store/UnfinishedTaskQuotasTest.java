package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The counting rules of the quotas, without a service: all or nothing, never below zero. */
class UnfinishedTaskQuotasTest {
  final UnfinishedTaskQuotas quotas =
      new UnfinishedTaskQuotas(new UnfinishedTaskQuotas.Limits(5, 8));

  static TaskRecord task(String id, String group, String endpoint) {
    return TaskRecord.submitted(id, group, "f", endpoint, "[]", false, 0, 0);
  }

  @Test
  void a_submission_over_either_limit_counts_nothing() {
    quotas.admit("ann", "g1", Map.of("e1", 4L));
    assertThatThrownBy(() -> quotas.admit("ann", "g2", Map.of("e1", 1L, "e2", 1L)))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> {
              assertThat(e.quota()).isEqualTo(QuotaExceededException.Quota.USER);
              assertThat(e.current()).isEqualTo(4);
              assertThat(e.requested()).isEqualTo(2);
            });
    quotas.admit("bob", "g3", Map.of("e1", 4L));
    assertThatThrownBy(() -> quotas.admit("carol", "g4", Map.of("e2", 1L, "e1", 1L)))
        .isInstanceOfSatisfying(
            QuotaExceededException.class,
            e -> assertThat(e.quota()).isEqualTo(QuotaExceededException.Quota.ENDPOINT));
    assertThat(quotas.unfinishedOfUser("ann")).isEqualTo(4);
    assertThat(quotas.unfinishedOfUser("bob")).isEqualTo(4);
    assertThat(quotas.unfinishedOfUser("carol")).isZero();
    assertThat(quotas.unfinishedOfEndpoint("e1")).isEqualTo(8);
    assertThat(quotas.unfinishedOfEndpoint("e2")).isZero();
  }

  @Test
  void finishing_a_task_twice_or_a_stranger_never_takes_a_count_below_zero() {
    quotas.admit("ann", "g1", Map.of("e1", 2L));
    quotas.finished(task("t1", "g1", "e1"));
    quotas.finished(task("t2", "g1", "e1"));
    quotas.finished(task("t1", "g1", "e1")); // a late duplicate
    quotas.finished(task("t9", "unknown", "e1"));
    assertThat(quotas.unfinishedOfUser("ann")).isZero();
    assertThat(quotas.unfinishedOfEndpoint("e1")).isZero();
    quotas.admit("ann", "g2", Map.of("e1", 5L));
    assertThat(quotas.unfinishedOfUser("ann")).isEqualTo(5);
  }

  @Test
  void a_withdrawn_submission_and_restored_tasks_count_as_stored() {
    quotas.admit("ann", "g1", Map.of("e1", 3L));
    quotas.withdraw("g1");
    quotas.withdraw("g1");
    assertThat(quotas.unfinishedOfUser("ann")).isZero();
    quotas.restore(
        List.of(task("t1", "g5", "e1"), task("t2", "g5", "e2"), task("t3", "g6", "e2")),
        group -> group.equals("g5") ? "ann" : "bob");
    assertThat(quotas.unfinishedOfUser("ann")).isEqualTo(2);
    assertThat(quotas.unfinishedOfUser("bob")).isEqualTo(1);
    assertThat(quotas.unfinishedOfEndpoint("e2")).isEqualTo(2);
    quotas.finished(task("t2", "g5", "e2"));
    assertThat(quotas.unfinishedOfEndpoint("e2")).isEqualTo(1);
    assertThat(quotas.unfinishedOfUser("ann")).isEqualTo(1);
  }
}
