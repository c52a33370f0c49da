package org.funcx.core.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskError;
import org.funcx.core.wire.Messages.TaskResult;
import org.junit.jupiter.api.Test;

/** RESULTS messages are bounded in bytes as well as in count (issue 13, item 7). */
class ResultBatchTest {

  private static ResultEnvelope json(String id, int chars) {
    return ResultEnvelope.json(TaskResult.success(id, "\"" + "x".repeat(chars - 2) + "\""));
  }

  private static ResultEnvelope binary(String id, int bytes) {
    return new ResultEnvelope(new TaskResult(id, null, null, "arrow", -1), new byte[bytes]);
  }

  /** Splits as the manager does; returns the batch sizes. */
  private static List<Integer> split(List<ResultEnvelope> results, int maxCount, long maxBytes) {
    List<Integer> sizes = new ArrayList<>();
    for (int from = 0, n; from < results.size(); from += n) {
      n = ResultBatches.nextSize(results, from, maxCount, maxBytes);
      sizes.add(n);
    }
    return sizes;
  }

  @Test
  void weightCountsTextBinaryAndErrors() {
    assertThat(json("a", 1000).weightBytes()).isEqualTo(1256);
    assertThat(binary("b", 5000).weightBytes()).isEqualTo(5256);
    ResultEnvelope failed =
        ResultEnvelope.json(
            TaskResult.failure(
                "c", new TaskError(ErrorKind.REMOTE_EXCEPTION, "12345", "1234567890")));
    assertThat(failed.weightBytes()).isEqualTo(271);
  }

  @Test
  void aBatchStopsBeforeTheResultThatWouldCrossTheBound() {
    List<ResultEnvelope> results =
        List.of(json("1", 744), json("2", 744), json("3", 744), json("4", 744), json("5", 744));
    // each weighs 1000: 3000 fits exactly, 3001 is one byte short of the third
    assertThat(split(results, 100, 3000)).containsExactly(3, 2);
    assertThat(split(results, 100, 2999)).containsExactly(2, 2, 1);
    assertThat(split(results, 2, 1 << 20)).containsExactly(2, 2, 1);
    assertThat(split(List.of(), 100, 3000)).isEmpty();
  }

  @Test
  void aResultLargerThanTheBoundTravelsAlone() {
    List<ResultEnvelope> results = List.of(json("1", 100), binary("2", 10_000), json("3", 100));
    assertThat(split(results, 100, 1000)).containsExactly(1, 1, 1);
  }

  @Test
  void theProductBoundSplitsManyLargeBinaryResults() {
    byte[] twoMiB = new byte[2 << 20];
    List<ResultEnvelope> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      results.add(new ResultEnvelope(new TaskResult("t" + i, null, null, "arrow", -1), twoMiB));
    }
    // 2 MiB + 256 each: seven fit in 16 MiB, the eighth would cross
    List<Integer> sizes = new ArrayList<>();
    for (int from = 0, n; from < results.size(); from += n) {
      n = ResultBatches.nextSize(results, from, 10_000);
      sizes.add(n);
      WireMessage message = ResultEnvelope.pack(results.subList(from, from + n), 1);
      long carried = message.blobs().stream().mapToLong(b -> b.length).sum();
      assertThat(carried).isLessThanOrEqualTo(WireLimits.RESULT_BATCH_BYTES);
      assertThat(ResultEnvelope.unpack(message))
          .extracting(ResultEnvelope::taskId)
          .isEqualTo(results.subList(from, from + n).stream().map(ResultEnvelope::taskId).toList());
    }
    assertThat(sizes).containsExactly(7, 7, 6);
  }
}
