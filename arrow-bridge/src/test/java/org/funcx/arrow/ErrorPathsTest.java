package org.funcx.arrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Failures release every Arrow buffer (the allocator must be back at zero right away). */
class ErrorPathsTest extends AllocatorTest {

  record Row(int id, String name) {}

  private static final ArrowEncoderConfig SMALL_BATCHES =
      ArrowEncoderConfig.builder().batchRows(10).build();

  @Test
  void a_bad_value_in_a_later_batch_releases_the_stream_encoding() {
    List<Object> values = new ArrayList<>(IntStream.range(0, 35).boxed().toList());
    values.add("not an int");

    assertThatThrownBy(() -> encoder(SMALL_BATCHES).encode(values))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("row 35");
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void a_bad_value_in_a_later_batch_releases_the_batches_already_kept_for_a_table() {
    List<Object> values = new ArrayList<>(IntStream.range(0, 35).boxed().toList());
    values.add(1L);

    assertThatThrownBy(() -> encoder(SMALL_BATCHES).toTable(values))
        .isInstanceOf(ValueConversionException.class);
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void a_truncated_stream_fails_and_releases_what_was_read() {
    List<Row> rows = IntStream.range(0, 100).mapToObj(i -> new Row(i, "n" + i)).toList();
    byte[] ipc = encoder(SMALL_BATCHES).encode(rows);
    byte[] truncated = Arrays.copyOf(ipc, ipc.length / 2);

    assertThatThrownBy(() -> decoder().decode(new ByteArrayInputStream(truncated)))
        .isInstanceOfAny(IOException.class, ArrowBridgeException.class);
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void bytes_that_are_not_arrow_are_reported_as_such() {
    byte[] garbage = "{\"json\": true, \"padding\": \"................\"}".getBytes();

    assertThatThrownBy(() -> decoder().decode(garbage)).isInstanceOf(ArrowBridgeException.class);
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void a_failing_batch_consumer_releases_the_reader() {
    byte[] ipc = encoder(SMALL_BATCHES).encode(IntStream.range(0, 50).boxed().toList());

    assertThatThrownBy(
            () ->
                decoder()
                    .forEachBatch(
                        new ByteArrayInputStream(ipc),
                        batch -> {
                          throw new IllegalStateException("consumer gave up");
                        }))
        .hasMessage("consumer gave up");
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  @Test
  void a_getter_that_throws_is_reported_with_its_column_and_row() {
    List<Exploding> rows = List.of(new Exploding(false), new Exploding(true));
    ArrowEncoderConfig oneRowBatches = ArrowEncoderConfig.builder().batchRows(1).build();

    assertThatThrownBy(() -> encoder(oneRowBatches).encode(rows))
        .isInstanceOf(ValueConversionException.class)
        .hasMessageContaining("column 'boom', row 1")
        .hasRootCauseMessage("getter failed");
    assertThatThrownBy(() -> encoder().encode(rows))
        .as("while sampling the first batch for the schema")
        .isInstanceOf(UnsupportedResultException.class)
        .hasMessageContaining("column 'boom'")
        .hasRootCauseMessage("getter failed");
    assertThat(allocator.getAllocatedMemory()).isZero();
  }

  /** A POJO whose only property may fail to be read; typed Object, so the schema reads it. */
  public static final class Exploding {
    private final boolean explode;

    Exploding(boolean explode) {
      this.explode = explode;
    }

    public Object getBoom() {
      if (explode) throw new UnsupportedOperationException("getter failed");
      return "fine";
    }
  }

  @Test
  void a_closed_table_refuses_reads_and_may_be_closed_again() {
    ArrowTable table = encoder().toTable(List.of(1, 2));
    table.close();
    table.close();

    assertThatThrownBy(() -> table.column("value")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(table::batches).isInstanceOf(IllegalStateException.class);
  }
}
