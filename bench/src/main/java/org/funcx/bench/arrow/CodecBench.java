package org.funcx.bench.arrow;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;

/**
 * Encode+decode throughput of Arrow vs Gson JSON on the same rows, one JSON line per codec:
 *
 * <pre>{"bench":"codec","codec":"arrow","rows":100000,"encoded_bytes":...,"encode_ms":...,
 * "decode_ms":...,"mb_per_s":...,"rows_per_s":...}</pre>
 *
 * {@code mb_per_s} is the codec's own encoded bytes (10^6 bytes per MB) over the median encode plus
 * decode time; {@code rows_per_s} compares the codecs independently of their sizes. Codecs: {@code
 * arrow} (decoded to records), {@code arrow_table} (decoded to Arrow batches only) and {@code json}
 * (Gson, decoded to records). Usage: {@code CodecBench [rows] [iterations]}, defaults 100000 and
 * 15; the JVM needs {@code --add-opens=java.base/java.nio=ALL-UNNAMED}.
 */
public final class CodecBench {
  private static final int WARMUP_ITERATIONS = 10;

  private CodecBench() {}

  public static void main(String[] args) {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    List<BenchRow> data = BenchRow.generate(rows);
    try (BufferAllocator allocator = new RootAllocator()) {
      ArrowRoundTrip arrow = new ArrowRoundTrip(allocator);
      JsonRoundTrip json = new JsonRoundTrip();
      report(
          "arrow", rows, iterations, data, arrow::encode, ipc -> arrow.decodeToRecords(ipc).size());
      report("arrow_table", rows, iterations, data, arrow::encode, arrow::decodeToTable);
      report("json", rows, iterations, data, json::encode, text -> json.decode(text).size());
    }
  }

  private static void report(
      String codec,
      int rows,
      int iterations,
      List<BenchRow> data,
      Function<List<BenchRow>, byte[]> encode,
      ToLongFunction<byte[]> decode) {
    long[] encodeNanos = new long[iterations];
    long[] decodeNanos = new long[iterations];
    long[] totalNanos = new long[iterations];
    byte[] encoded = null;
    for (int i = -WARMUP_ITERATIONS; i < iterations; i++) {
      long start = System.nanoTime();
      encoded = encode.apply(data);
      long encodedAt = System.nanoTime();
      long decodedRows = decode.applyAsLong(encoded);
      long end = System.nanoTime();
      if (decodedRows != rows)
        throw new IllegalStateException(codec + " decoded " + decodedRows + " rows");
      if (i >= 0) {
        encodeNanos[i] = encodedAt - start;
        decodeNanos[i] = end - encodedAt;
        totalNanos[i] = end - start;
      }
    }
    double seconds = median(totalNanos) / 1e9;
    System.out.println(
        String.format(
            Locale.ROOT,
            "{\"bench\":\"codec\",\"codec\":\"%s\",\"rows\":%d,\"columns\":4,\"encoded_bytes\":%d,"
                + "\"encode_ms\":%.2f,\"decode_ms\":%.2f,\"mb_per_s\":%.1f,\"rows_per_s\":%.0f}",
            codec,
            rows,
            encoded.length,
            median(encodeNanos) / 1e6,
            median(decodeNanos) / 1e6,
            encoded.length / 1e6 / seconds,
            rows / seconds));
  }

  private static double median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
