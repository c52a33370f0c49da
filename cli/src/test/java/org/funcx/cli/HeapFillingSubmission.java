package org.funcx.cli;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A legitimate submission within the service's documented limits (128 MiB body, 10 MiB of
 * arguments per task) that a small service heap cannot hold: {@code tasks} calls with an argument
 * of {@code argumentBytes} each, generated while it is sent (chunked), so this JVM holds none of
 * it. The service keeps a submission's arguments in memory until it stores them all.
 */
final class HeapFillingSubmission {
  private HeapFillingSubmission() {}

  /** Sends it; returns the HTTP status, or -1 when the connection broke (the service died). */
  static int send(
      String url,
      String accessToken,
      String functionId,
      String endpointId,
      int tasks,
      int argumentBytes) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url + "/v2/submit"))
            .timeout(Duration.ofMinutes(2))
            .header("Authorization", "Bearer " + accessToken)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> body(functionId, endpointId, tasks, argumentBytes)))
            .build();
    try {
      return HttpClient.newHttpClient()
          .send(request, HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (java.io.IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static InputStream body(String functionId, String endpointId, int tasks, int size) {
    byte[] head =
        ("{\"function_id\":\""
                + functionId
                + "\",\"endpoint_id\":\""
                + endpointId
                + "\",\"args\":[\"")
            .getBytes(StandardCharsets.US_ASCII);
    byte[] tail = "\"]}".getBytes(StandardCharsets.US_ASCII);
    long perTask = head.length + size + tail.length + 1;
    long total = "{\"tasks\":[".length() + perTask * tasks - 1 + "]}".length();
    return new InputStream() {
      private long at;

      @Override
      public int read() {
        if (at >= total) return -1;
        return byteAt(at++);
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (at >= total) return -1;
        int n = (int) Math.min(len, total - at);
        for (int i = 0; i < n; i++) b[off + i] = (byte) byteAt(at++);
        return n;
      }

      private int byteAt(long position) {
        String open = "{\"tasks\":[";
        if (position < open.length()) return open.charAt((int) position);
        long p = position - open.length();
        if (p >= perTask * tasks - 1) return "]}".charAt((int) (p - (perTask * tasks - 1)));
        long inTask = p % perTask;
        if (inTask < head.length) return head[(int) inTask];
        inTask -= head.length;
        if (inTask < size) return 'x';
        inTask -= size;
        if (inTask < tail.length) return tail[(int) inTask];
        return ',';
      }
    };
  }
}
