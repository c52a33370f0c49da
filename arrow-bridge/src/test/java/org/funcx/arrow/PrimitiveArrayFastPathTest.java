package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** long[], int[] and double[] take a fast path that must give the general path's table. */
class PrimitiveArrayFastPathTest {
  final BufferAllocator allocator = new RootAllocator();
  final ArrowEncoder encoder =
      new ArrowEncoder(allocator, ArrowEncoderConfig.builder().batchRows(1_000).build());

  @AfterEach
  void noLeaks() {
    allocator.close();
  }

  /** What the general pipeline makes of the same values, boxed in a list. */
  private ArrowTable general(List<?> values) {
    return new ArrowDecoder(allocator).decode(encoder.encode(values));
  }

  @Test
  void arrays_round_trip_in_batches_with_the_general_paths_schema() {
    Random random = new Random(42);
    long[] longs = random.longs(2_500).toArray();
    int[] ints = random.ints(2_500).toArray();
    double[] doubles = random.doubles(2_500).toArray();
    for (Object array : List.of(longs, ints, doubles)) {
      List<?> boxed =
          array instanceof long[] l
              ? java.util.Arrays.stream(l).boxed().toList()
              : array instanceof int[] i
                  ? java.util.Arrays.stream(i).boxed().toList()
                  : java.util.Arrays.stream((double[]) array).boxed().toList();
      try (ArrowTable fast = new ArrowDecoder(allocator).decode(encoder.encode(array));
          ArrowTable slow = general(boxed)) {
        assertThat(fast.schema()).isEqualTo(slow.schema());
        assertThat(fast.batches()).hasSize(3);
        assertThat(fast.column("value")).isEqualTo(boxed);
      }
    }
  }

  @Test
  void an_empty_array_is_an_empty_table() {
    try (ArrowTable table = new ArrowDecoder(allocator).decode(encoder.encode(new long[0]))) {
      assertThat(table.rowCount()).isZero();
      assertThat(table.columnNames()).containsExactly("value");
    }
  }
}
