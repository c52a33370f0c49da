package org.funcx.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.funcx.deps.FileRepository;
import org.funcx.deps.RepositorySettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Registration resolves a function's libraries and compiles against exactly them, over real
 * sockets, with real Maven Resolver reading a file repository of real artifacts (offline).
 */
@Timeout(120)
class FunctionDependenciesApiTest {
  static final String LANG3 = "org.apache.commons:commons-lang3:3.12.0";
  static final String CAPITALIZE =
      """
      //DEPS org.apache.commons:commons-lang3:3.12.0
      String cap(String s) { return org.apache.commons.lang3.StringUtils.capitalize(s); }
      """;
  @TempDir static Path repoDir;
  static FileRepository repo;
  @TempDir Path dir;
  FuncxService service;
  String token;
  final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void layOut() {
    repo = FileRepository.standard(repoDir).notAJar("org.example:html-page:1.0");
  }

  void start(RepositorySettings repositories) throws Exception {
    service =
        FuncxService.start(
            ServiceConfig.defaults(dir).withPorts(0, 0).withRepositories(repositories));
    token = ServiceTokens.admin(service, dir);
  }

  @AfterEach
  void stop() throws Exception {
    if (service != null) service.close();
  }

  record Answer(int status, JsonObject body) {
    String code() {
      return body.has("code") ? body.get("code").getAsString() : null;
    }
  }

  Answer call(String method, String path, JsonObject body) throws Exception {
    var request =
        HttpRequest.newBuilder(URI.create(service.url() + path))
            .header("Authorization", "Bearer " + token)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body.toString()))
            .build();
    var response = http.send(request, HttpResponse.BodyHandlers.ofString());
    return new Answer(
        response.statusCode(), JsonParser.parseString(response.body()).getAsJsonObject());
  }

  Answer register(String source, String... dependencies) throws Exception {
    JsonObject body = new JsonObject();
    body.addProperty("function_code", source);
    if (dependencies.length > 0) {
      JsonArray deps = new JsonArray();
      for (String d : dependencies) deps.add(d);
      body.add("dependencies", deps);
    }
    return call("POST", "/v2/functions", body);
  }

  @Test
  void depsLinesAndTheExplicitListAreResolvedAndCompiledAgainst() throws Exception {
    start(RepositorySettings.offline(repo.root()));
    Answer a = register(CAPITALIZE, "com.google.code.gson:gson:2.10.1", LANG3);
    assertThat(a.status()).as(a.body().toString()).isEqualTo(201);
    assertThat(a.body().getAsJsonArray("dependencies").toString())
        .isEqualTo("[\"com.google.code.gson:gson:2.10.1\",\"" + LANG3 + "\"]");
    Answer plainHash = register(CAPITALIZE);
    assertThat(plainHash.body().get("hash")).isNotEqualTo(a.body().get("hash"));
    Answer read = call("GET", "/v2/functions/" + a.body().get("function_id").getAsString(), null);
    assertThat(read.body().getAsJsonArray("dependencies")).hasSize(2);
  }

  @Test
  void theWorkersClassPathIsNotWhatAFunctionCompilesAgainst() throws Exception {
    start(RepositorySettings.offline(repo.root()));
    Answer a =
        register(
            """
        //DEPS org.apache.commons:commons-lang3:3.12.0
        String g() { return new com.google.gson.Gson().toJson(1); }
        """);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("compile_error");
  }

  @Test
  void everyUnresolvableSetIsA400DependencyErrorAndTheServiceKeepsServing() throws Exception {
    start(RepositorySettings.offline(repo.root()));
    for (var c :
        List.of(
            List.of("org.example:no-such-thing:9.9", "not_found"),
            List.of("commons-lang3", "malformed"),
            List.of("org.example:html-page:1.0", "not_a_jar"))) {
      Answer a = register("int f() { return 1; }", c.get(0));
      assertThat(a.status()).as(c.toString()).isEqualTo(400);
      assertThat(a.code()).isEqualTo("dependency_error");
      assertThat(a.body().get("message").getAsString())
          .contains(c.get(0))
          .contains("local (" + repo.root() + ")");
      JsonObject details = a.body().getAsJsonObject("details");
      assertThat(details.get("reason").getAsString()).isEqualTo(c.get(1));
      assertThat(details.get("coordinate").getAsString()).contains(c.get(0));
    }
    assertThat(register("//DEPS a:b\nint f() { return 1; }").code()).isEqualTo("dependency_error");
    assertThat(register(CAPITALIZE).status()).isEqualTo(201);
  }

  @Test
  void anUnreachableRepositoryIsA400NamingIt() throws Exception {
    int closedPort;
    try (ServerSocket s = new ServerSocket(0)) {
      closedPort = s.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/maven2/");
    start(RepositorySettings.mirror(nowhere, dir.resolve("m2")));
    Answer a = register(CAPITALIZE);
    assertThat(a.status()).isEqualTo(400);
    assertThat(a.code()).isEqualTo("dependency_error");
    assertThat(a.body().getAsJsonObject("details").get("reason").getAsString())
        .isEqualTo("unreachable");
    assertThat(a.body().get("message").getAsString()).contains(nowhere.toString()).contains(LANG3);
    assertThat(register("int f() { return 1; }").status()).isEqualTo(201);
  }

  @Test
  void aRepositoryThatNeverAnswersIsCutAtTheTimeBound() throws Exception {
    try (ServerSocket blackHole =
        new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                  while (true) held.add(blackHole.accept()); // accepts, never answers
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              },
              "black-hole-repository");
      acceptor.setDaemon(true);
      acceptor.start();
      URI silent = URI.create("http://127.0.0.1:" + blackHole.getLocalPort() + "/maven2/");
      start(
          RepositorySettings.mirror(silent, dir.resolve("m2")).withTimeout(Duration.ofSeconds(2)));
      Answer a = register(CAPITALIZE);
      assertThat(a.status()).isEqualTo(400);
      assertThat(a.code()).isEqualTo("dependency_error");
      assertThat(a.body().getAsJsonObject("details").get("reason").getAsString())
          .isEqualTo("unreachable");
      assertThat(a.body().get("message").getAsString()).contains(silent.toString());
      assertThat(register("int f() { return 1; }").status()).isEqualTo(201);
    }
  }

  @Test
  void tooManyOrTooLongCoordinatesAreRefusedBeforeAnyLookup() throws Exception {
    start(RepositorySettings.offline(repo.root()));
    String[] many =
        java.util.stream.IntStream.range(0, 65)
            .mapToObj(i -> "org.example:a" + i + ":1")
            .toArray(String[]::new);
    Answer tooMany = register("int f() { return 1; }", many);
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().getAsJsonObject("details").get("reason").getAsString())
        .isEqualTo("too_many");
    Answer tooLong = register("int f() { return 1; }", "org.example:" + "a".repeat(400) + ":1");
    assertThat(tooLong.status()).isEqualTo(400);
    assertThat(tooLong.body().getAsJsonObject("details").get("reason").getAsString())
        .isEqualTo("malformed");
    assertThat(tooLong.body().get("message").getAsString().length()).isLessThan(1_000);
  }

  @Test
  void aFifthConcurrentResolutionIsTurnedAwayWith503() throws Exception {
    java.util.concurrent.atomic.AtomicInteger accepted =
        new java.util.concurrent.atomic.AtomicInteger();
    try (ServerSocket blackHole =
        new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
      Thread acceptor =
          new Thread(
              () -> {
                List<java.net.Socket> held = new java.util.ArrayList<>();
                try {
                  while (true) {
                    held.add(blackHole.accept()); // accepts, never answers
                    accepted.incrementAndGet();
                  }
                } catch (java.io.IOException closed) {
                  // the test is over
                }
              },
              "black-hole-repository");
      acceptor.setDaemon(true);
      acceptor.start();
      URI silent = URI.create("http://127.0.0.1:" + blackHole.getLocalPort() + "/maven2/");
      start(
          RepositorySettings.mirror(silent, dir.resolve("m2")).withTimeout(Duration.ofSeconds(20)));
      var pool = java.util.concurrent.Executors.newFixedThreadPool(4);
      List<java.util.concurrent.Future<Answer>> holding = new java.util.ArrayList<>();
      for (int i = 0; i < 4; i++) {
        // distinct artifacts: the resolver locks per artifact, one download of each at a time
        String coordinate = "org.example:slow" + i + ":1.0";
        holding.add(pool.submit(() -> register("int f() { return 1; }", coordinate)));
      }
      // all four slots taken: each resolution holds a connection the repository never answers
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(60))
          .until(() -> accepted.get() >= 4);
      Answer fifth = register("int f() { return 1; }", "org.example:slow4:1.0");
      assertThat(fifth.status()).isEqualTo(503);
      assertThat(fifth.code()).isEqualTo("dependency_resolution_busy");
      for (var f : holding) {
        assertThat(f.get(120, java.util.concurrent.TimeUnit.SECONDS).code())
            .isEqualTo("dependency_error");
      }
      pool.shutdown();
      assertThat(register("int f() { return 1; }").status()).isEqualTo(201);
    }
  }

  @Test
  void storedDependenciesSurviveARestart() throws Exception {
    start(RepositorySettings.offline(repo.root()));
    String id = register(CAPITALIZE).body().get("function_id").getAsString();
    service.close();
    start(RepositorySettings.offline(repo.root()));
    Answer read = call("GET", "/v2/functions/" + id, null);
    assertThat(read.body().getAsJsonArray("dependencies").toString())
        .isEqualTo("[\"" + LANG3 + "\"]");
  }
}
