package org.funcx.jvm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OutputTailTest {
  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static void write(OutputTail tail, String s) {
    byte[] b = utf8(s);
    tail.write(b, 0, b.length);
  }

  @Test
  void keeps_everything_below_the_limit_without_a_marker() {
    OutputTail tail = new OutputTail(64);
    assertThat(tail.isEmpty()).isTrue();
    assertThat(tail.text()).isEmpty();
    write(tail, "hello ");
    tail.write('w');
    write(tail, "orld\n");
    assertThat(tail.text()).isEqualTo("hello world\n");
    assertThat(tail.written()).isEqualTo(12);
  }

  @Test
  void cuts_at_the_front_and_says_how_many_bytes_were_dropped() {
    OutputTail tail = new OutputTail(16);
    for (int i = 0; i < 10; i++) write(tail, "line " + i + "\n"); // 7 bytes each
    assertThat(tail.written()).isEqualTo(70);
    assertThat(tail.text())
        .isEqualTo("[… 54 bytes dropped …]\n" + "ne 7\nline 8\nline 9\n".substring(3));
  }

  @Test
  void one_write_larger_than_the_limit_keeps_its_end() {
    OutputTail tail = new OutputTail(8);
    write(tail, "ab");
    write(tail, "0123456789ABCDEF");
    assertThat(tail.text()).isEqualTo("[… 10 bytes dropped …]\n89ABCDEF");
  }

  @Test
  void big_counts_are_grouped_in_the_marker() {
    assertThat(OutputTail.marker(12_345_678)).isEqualTo("[… 12,345,678 bytes dropped …]\n");
  }

  @Test
  void a_character_cut_at_the_front_is_dropped_whole_and_counted() {
    // "€" is 3 bytes (E2 82 AC), "😀" 4 bytes (F0 9F 98 80).
    for (String wide : new String[] {"€", "😀", "é"}) {
      int width = utf8(wide).length;
      for (int cut = 1; cut < width; cut++) {
        OutputTail tail = new OutputTail(4 + width - cut);
        write(tail, "x" + wide + "abcd"); // keeps the last (width - cut) bytes of the char + abcd
        long dropped = 1 + width; // "x" and the whole character
        assertThat(tail.text())
            .as("%s cut after %d bytes", wide, cut)
            .isEqualTo(OutputTail.marker(dropped) + "abcd");
      }
    }
  }

  @Test
  void whole_characters_at_the_front_are_kept() {
    OutputTail tail = new OutputTail(7);
    write(tail, "ab€€"); // 2 + 6 bytes: drops "a", keeps "b€€"
    assertThat(tail.text()).isEqualTo(OutputTail.marker(1) + "b€€");
  }

  @Test
  void malformed_bytes_become_replacement_characters() {
    OutputTail tail = new OutputTail(16);
    tail.write(new byte[] {'a', (byte) 0xFF, 'b'}, 0, 3);
    assertThat(tail.text()).isEqualTo("a\uFFFDb");
  }

  @Test
  void random_writes_keep_exactly_the_last_bytes() {
    Random random = new Random(15);
    for (int round = 0; round < 200; round++) {
      int limit = 4 + random.nextInt(600);
      OutputTail tail = new OutputTail(limit);
      ByteArrayOutputStream all = new ByteArrayOutputStream();
      int writes = random.nextInt(50);
      for (int i = 0; i < writes; i++) {
        byte[] chunk = new byte[random.nextInt(limit + limit / 2)];
        for (int j = 0; j < chunk.length; j++) chunk[j] = (byte) ('a' + random.nextInt(26));
        int off = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
        tail.write(chunk, off, chunk.length - off);
        all.write(chunk, off, chunk.length - off);
      }
      byte[] bytes = all.toByteArray();
      int kept = Math.min(limit, bytes.length);
      String expected =
          new String(
              Arrays.copyOfRange(bytes, bytes.length - kept, bytes.length),
              StandardCharsets.US_ASCII);
      long dropped = bytes.length - kept;
      assertThat(tail.written()).isEqualTo(bytes.length);
      assertThat(tail.text())
          .isEqualTo(dropped == 0 ? expected : OutputTail.marker(dropped) + expected);
    }
  }

  @Test
  void two_million_lines_keep_the_last_mebibyte() {
    OutputTail tail = new OutputTail(OutputTail.DEFAULT_LIMIT);
    long total = 0;
    for (int i = 0; i < 2_000_000; i++) {
      byte[] line = utf8("line " + i + "\n");
      tail.write(line, 0, line.length);
      total += line.length;
    }
    String marker = OutputTail.marker(total - OutputTail.DEFAULT_LIMIT);
    String text = tail.text();
    assertThat(text).startsWith(marker).endsWith("line 1999999\n");
    assertThat(utf8(text).length).isEqualTo(utf8(marker).length + OutputTail.DEFAULT_LIMIT);
  }

  @Test
  void since_an_offset_gives_the_bytes_written_after_it_bounded_and_at_their_offset() {
    Random random = new Random(7);
    OutputTail tail = new OutputTail(100);
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    long read = 0;
    for (int round = 0; round < 500; round++) {
      byte[] bytes = new byte[random.nextInt(150)];
      for (int i = 0; i < bytes.length; i++) bytes[i] = (byte) ('a' + random.nextInt(26));
      tail.write(bytes, 0, bytes.length);
      all.write(bytes, 0, bytes.length);
      OutputTail.Slice slice = tail.since(read, 40);
      byte[] written = all.toByteArray();
      assertThat(slice.end()).isEqualTo(written.length);
      assertThat(slice.offset()).isEqualTo(Math.max(read, written.length - 40L));
      assertThat(slice.bytes())
          .isEqualTo(Arrays.copyOfRange(written, (int) slice.offset(), written.length));
      read = slice.end();
    }
  }

  @Test
  void of_text_reads_back_the_offset_and_bytes_a_text_stands_for() {
    OutputTail tail = new OutputTail(10);
    byte[] bytes = utf8("0123456789abcdefé\n");
    tail.write(bytes, 0, bytes.length);
    OutputTail.Slice slice = OutputTail.ofText(tail.text());
    assertThat(slice.end()).isEqualTo(bytes.length);
    assertThat(slice.bytes()).isEqualTo(Arrays.copyOfRange(bytes, bytes.length - 10, bytes.length));
    assertThat(OutputTail.ofText("short\n").offset()).isZero();
  }

  @Test
  void refuses_a_limit_too_small_for_one_character() {
    assertThatThrownBy(() -> new OutputTail(3)).isInstanceOf(IllegalArgumentException.class);
  }
}
