package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/**
 * {@link ArrowEncoderConfig#maxEncodedBytes()}: a typed error naming both sizes, nothing past it.
 */
class SizeLimitTest extends AllocatorTest {

  @Test
  void a_result_over_the_limit_fails_with_both_sizes_in_the_message() {
    long[] values = LongStream.range(0, 100_000).toArray();
    ArrowEncoderConfig limited = ArrowEncoderConfig.builder().maxEncodedBytes(10_000).build();

    assertThatThrownBy(() -> encoder(limited).encode(values))
        .isInstanceOfSatisfying(
            ResultTooLargeException.class,
            e -> {
              assertThat(e.limitBytes()).isEqualTo(10_000);
              assertThat(e.encodedBytes()).isGreaterThan(10_000);
              assertThat(e.getMessage())
                  .contains("10000 bytes")
                  .contains(e.encodedBytes() + " bytes");
            });
  }

  @Test
  void the_limit_is_inclusive() {
    long[] values = LongStream.range(0, 1_000).toArray();
    int size = encoder().encode(values).length;

    byte[] exact =
        encoder(ArrowEncoderConfig.builder().maxEncodedBytes(size).build()).encode(values);
    ArrowEncoderConfig oneLess = ArrowEncoderConfig.builder().maxEncodedBytes(size - 1).build();

    assertThat(exact).hasSize(size);
    assertThatThrownBy(() -> encoder(oneLess).encode(values))
        .isInstanceOf(ResultTooLargeException.class);
  }

  @Test
  void streaming_stops_early_and_never_writes_past_the_limit() {
    AtomicLong produced = new AtomicLong();
    var rows =
        LongStream.range(0, 1_000_000).peek(i -> produced.incrementAndGet()).boxed().iterator();
    ArrowEncoderConfig config =
        ArrowEncoderConfig.builder().batchRows(1_000).maxEncodedBytes(50_000).build();
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    assertThatThrownBy(() -> encoder(config).encode(rows, out))
        .isInstanceOf(ResultTooLargeException.class);
    assertThat(out.size()).isLessThanOrEqualTo(50_000);
    assertThat(produced.get()).as("rows pulled from the iterator").isLessThan(10_000);
    assertThat(allocator.getAllocatedMemory()).isZero();
  }
}
