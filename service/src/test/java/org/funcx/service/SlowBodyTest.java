package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, slowloris: more raw connections than Jetty has threads (64) send a request body one
 * byte a second, to the streamed submit route (with a valid token) and to the token endpoint's
 * form (without one). 32 of them get a thread (the limit per address), the others are refused;
 * then a normal request from the same address is refused too until the slow bodies are ended
 * (408 {@code request_too_slow}, connection closed), and is then answered. Without
 * {@code SlowBodyGuard} it never is.
 */
@Timeout(value = 180, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SlowBodyTest {
  /** Authenticated submissions: more than the pool's 64 threads on their own. */
  static final int SUBMITTERS = 80;

  /** Token requests: fewer than the 10 sign-in attempts an address gets before its 429s. */
  static final int TOKEN_REQUESTS = 8;

  @TempDir Path dir;
  FuncxService service;
  String token;
  final List<Trickler> tricklers = new ArrayList<>();

  @BeforeEach
  void start() throws Exception {
    service = FuncxService.start(ServiceConfig.defaults(dir).withPorts(0, 0));
    token = ServiceTokens.admin(service, dir);
  }

  @AfterEach
  void stop() throws Exception {
    for (Trickler t : tricklers) t.socket.close();
    if (service != null) service.close();
  }

  /** One connection that sent its headers and sends its body a byte at a time. */
  static final class Trickler {
    final Socket socket;

    /** What the server sent; written by one thread, read by others. */
    volatile String answer = "";

    volatile boolean closedByServer;

    Trickler(int port, String head) throws IOException {
      this(port, head, "127.0.0.1");
    }

    /** From {@code localAddress}: all of 127.0.0.0/8 is loopback, so each is another client. */
    Trickler(int port, String head, String localAddress) throws IOException {
      socket = new Socket();
      socket.bind(new InetSocketAddress(localAddress, 0));
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.setSoTimeout(1);
      socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
    }

    /** Reads what the server sent so far, then sends one more byte unless it closed. */
    void step() {
      read();
      if (closedByServer) return;
      try {
        socket.getOutputStream().write(' ');
        socket.getOutputStream().flush();
      } catch (IOException e) {
        closedByServer = true; // reset after the server closed
      }
    }

    /** Takes what the server sent so far; notes when it closed the connection. */
    void read() {
      if (closedByServer) return;
      try {
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        while (true) {
          int n;
          try {
            n = in.read(buffer);
          } catch (SocketTimeoutException e) {
            break;
          }
          if (n < 0) {
            closedByServer = true;
            return;
          }
          answer = answer + new String(buffer, 0, n, StandardCharsets.US_ASCII);
        }
      } catch (IOException e) {
        closedByServer = true; // reset after the server closed
      }
    }
  }

  @Test
  void bodies_trickling_on_more_connections_than_threads_do_not_stop_normal_requests()
      throws Exception {
    int port = service.httpPort();
    for (int i = 0; i < SUBMITTERS + TOKEN_REQUESTS; i++) {
      String head =
          i < SUBMITTERS
              ? "POST /v2/submit HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                  + token
                  + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"
              : "POST /oauth/token HTTP/1.1\r\nHost: x\r\n"
                  + "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 60000\r\n\r\na";
      tricklers.add(new Trickler(port, head));
    }
    Thread trickle =
        new Thread(
            () -> {
              while (!Thread.currentThread().isInterrupted()) {
                tricklers.forEach(Trickler::step);
                try {
                  Thread.sleep(1_000); // the attack's pace, not a wait for the service
                } catch (InterruptedException e) {
                  return;
                }
              }
            },
            "slowloris-trickle");
    long started = System.nanoTime();
    trickle.start();
    try {
      poll(
          "32 trickling requests in progress, the others refused",
          () ->
              tricklers.stream()
                      .filter(t -> answered(t, 429, "too_many_concurrent_requests"))
                      .count()
                  >= tricklers.size() - 32);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      poll(
          "a normal submission to be accepted",
          () -> {
            var response =
                http.send(
                    HttpRequest.newBuilder(URI.create(service.url() + "/v2/submit"))
                        .header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(5))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"tasks\":[]}"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 400 && response.body().contains("no_tasks");
          });
      long served = System.nanoTime();
      poll(
          "every trickling connection to be closed by the server",
          () -> tricklers.stream().allMatch(t -> t.closedByServer));
      // figures for the report, not assertions: they depend on the machine's load
      System.out.printf(
          "slowloris: normal request answered after %d ms, all %d trickling"
              + " connections closed after %d ms%n",
          (served - started) / 1_000_000,
          tricklers.size(),
          (System.nanoTime() - started) / 1_000_000);
    } finally {
      trickle.interrupt();
      trickle.join();
    }
    // 32 at a time get a thread and are ended as too slow; the others are refused as too many
    assertThat(tricklers.stream().filter(t -> answered(t, 408, "request_too_slow")).count())
        .as("connections answered 408 before being closed")
        .isGreaterThan(0);
    assertThat(
            tricklers.stream()
                .filter(t -> !t.answer.isEmpty())
                .allMatch(
                    t ->
                        answered(t, 408, "request_too_slow")
                            || answered(t, 429, "too_many_concurrent_requests")))
        .as("every answer a trickler got is a 408 or a 429")
        .isTrue();
  }

  /**
   * One address (127.0.0.2) opens more connections than there are threads and stalls inside
   * their bodies (headers and one byte sent, as Jetty dispatches a request only once its body
   * starts; then nothing, which only the 30 s idle timeout would end).
   * It gets 32 requests in progress; the other 48 are answered 429 at once and closed; a client
   * at another address is answered while those 32 are still open and unanswered.
   */
  @Test
  void one_address_gets_at_most_32_requests_in_progress() throws Exception {
    String head =
        "POST /v2/submit HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
            + token
            + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{";
    for (int i = 0; i < SUBMITTERS; i++) {
      tricklers.add(new Trickler(service.httpPort(), head, "127.0.0.2"));
    }
    poll(
        "48 stalled requests to be refused and closed",
        () -> {
          tricklers.forEach(Trickler::read);
          return tricklers.stream()
                  .filter(t -> t.closedByServer && answered(t, 429, "too_many_concurrent_requests"))
                  .count()
              == SUBMITTERS - 32;
        });
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    poll(
        "a normal submission from 127.0.0.1 to be accepted",
        () -> {
          var response =
              http.send(
                  HttpRequest.newBuilder(URI.create(service.url() + "/v2/submit"))
                      .header("Authorization", "Bearer " + token)
                      .timeout(Duration.ofSeconds(5))
                      .POST(HttpRequest.BodyPublishers.ofString("{\"tasks\":[]}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
          return response.statusCode() == 400 && response.body().contains("no_tasks");
        });
    tricklers.forEach(Trickler::read);
    assertThat(tricklers.stream().filter(t -> !t.closedByServer && t.answer.isEmpty()).count())
        .as("stalled requests still in progress")
        .isEqualTo(32);
  }

  private static boolean answered(Trickler t, int status, String code) {
    String answer = t.answer;
    return answer.startsWith("HTTP/1.1 " + status) && answer.contains("\"" + code + "\"");
  }

  @FunctionalInterface
  interface Check {
    boolean holds() throws Exception;
  }

  private static void poll(String what, Check check) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (true) {
      try {
        if (check.holds()) return;
      } catch (java.net.http.HttpTimeoutException e) {
        // not answered yet: the threads are busy; try again
      }
      if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what);
      Thread.sleep(100);
    }
  }
}
