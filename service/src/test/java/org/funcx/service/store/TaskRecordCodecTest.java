package org.funcx.service.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.ResourceSpec;
import org.funcx.core.model.TaskError;
import org.junit.jupiter.api.Test;

class TaskRecordCodecTest {
  private static TaskRecord submitted() {
    return TaskRecord.submitted("t1", "g", "f", "e", "[1]", false, 0, 1);
  }

  @Test
  void printed_output_survives_the_round_trip_for_every_outcome() {
    for (TaskRecord r :
        new TaskRecord[] {
          submitted().withOutput("out €\n", "err\n").succeeded("42", 2),
          submitted().withOutput(null, "only err").failed(TaskError.of(ErrorKind.TIMEOUT, "t"), 2),
          submitted().withOutput("x", null).succeededBinary("arrow", 10, 2),
          submitted().succeeded("1", 2)
        }) {
      assertThat(TaskRecordCodec.decode("t1", TaskRecordCodec.encode(r))).isEqualTo(r);
    }
  }

  @Test
  void records_stored_before_output_was_kept_read_without_it() {
    TaskRecord done = submitted().succeeded("42", 2);
    byte[] current = TaskRecordCodec.encode(done);
    // Version 2 was the same record without the two trailing strings (each null: length -1) and
    // the resource flag after them.
    byte[] v2 = Arrays.copyOf(current, current.length - 9);
    v2[0] = 2;
    TaskRecord read = TaskRecordCodec.decode("t1", v2);
    assertThat(read).isEqualTo(done);
    assertThat(read.stdout()).isNull();
    assertThat(read.hasOutput()).isFalse();
  }

  @Test
  void a_resource_specification_survives_the_round_trip_and_older_records_have_none() {
    TaskRecord ranks =
        TaskRecord.submitted("t1", "g", "f", "e", "[{}]", false, 0, new ResourceSpec(2, 4, 3), 1);
    assertThat(TaskRecordCodec.decode("t1", TaskRecordCodec.encode(ranks))).isEqualTo(ranks);
    TaskRecord done = ranks.withOutput("a", "b").succeeded("1", 2);
    assertThat(TaskRecordCodec.decode("t1", TaskRecordCodec.encode(done)).resources())
        .isEqualTo(new ResourceSpec(2, 4, 3));

    TaskRecord plain = submitted().withOutput("o", null).succeeded("42", 2);
    byte[] current = TaskRecordCodec.encode(plain);
    // Version 3 ended before the resource flag.
    byte[] v3 = Arrays.copyOf(current, current.length - 1);
    v3[0] = 3;
    assertThat(TaskRecordCodec.decode("t1", v3)).isEqualTo(plain);
  }
}
