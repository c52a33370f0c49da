package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.TaskFailedException;
import org.funcx.core.model.ErrorKind;
import org.funcx.deps.FileRepository;
import org.funcx.endpoint.config.LibrarySettings;
import org.funcx.jvm.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Functions that use libraries, through real processes: the service and an endpoint both resolve
 * offline from a file repository of real artifacts (Commons Lang, two Gson versions), the manager
 * runs on Gson 2.15.0 itself; a second endpoint reads an empty repository and cannot resolve.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class FunctionLibrariesTest {
  static final String GSON_VERSION =
      """
      //DEPS com.google.code.gson:gson:%s
      String gsonVersion() throws Exception {
        java.net.URL jar = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation();
        try (java.util.jar.JarFile f = new java.util.jar.JarFile(new java.io.File(jar.toURI()))) {
          return f.getManifest().getMainAttributes().getValue("Bundle-Version");
        }
      }
      """;
  static Path repoDir;
  static TestCluster cluster;
  static FuncXClient client;
  static FuncXExecutor libs;
  static FuncXExecutor bare;

  @BeforeAll
  static void start() throws Exception {
    repoDir = Files.createTempDirectory("funcx-maven-repo-");
    FileRepository.standard(repoDir);
    Path empty = Files.createTempDirectory("funcx-empty-repo-");
    cluster =
        TestCluster.withServiceArgs(
            List.of("--maven-offline", "true", "--maven-local-repository", repoDir.toString()));
    client = cluster.client();
    // one worker: every task of this endpoint runs on the same worker thread of one manager
    String libsId =
        cluster.startEndpoint(
            "libs",
            c ->
                c.withWorkers(1, 0)
                    .withLibraries(
                        new LibrarySettings(null, true, repoDir.toString(), List.of(), 0)));
    String bareId =
        cluster.startEndpoint(
            "bare",
            c ->
                c.withWorkers(1, 0)
                    .withLibraries(
                        new LibrarySettings(null, true, empty.toString(), List.of(), 0)));
    libs = client.executor(libsId);
    bare = client.executor(bareId);
  }

  @AfterAll
  static void stop() throws Exception {
    if (libs != null) libs.close();
    if (bare != null) bare.close();
    if (cluster != null) cluster.close();
  }

  static Object await(CompletableFuture<Object> f) throws Exception {
    return f.get(90, TimeUnit.SECONDS);
  }

  @Test
  void aFunctionWithDepsOnCommonsLangRunsOnAnOfflineEndpoint() throws Exception {
    RegisteredFunction cap =
        client.register(
            """
        //DEPS org.apache.commons:commons-lang3:3.12.0
        String cap(String s) { return org.apache.commons.lang3.StringUtils.capitalize(s); }
        """);
    assertThat(cap.dependencies()).containsExactly("org.apache.commons:commons-lang3:3.12.0");
    assertThat(await(libs.submit(cap, "science"))).isEqualTo("Science");
  }

  @Test
  void functionsGetTheirOwnGsonSideBySideOnOneWorker() throws Exception {
    RegisteredFunction old = client.register(GSON_VERSION.formatted("2.10.1"));
    RegisteredFunction newer = client.register(GSON_VERSION.formatted("2.11.0"));
    RegisteredFunction managers =
        client.register(
            """
        String gsonVersion() throws Exception {
          java.net.URL jar = com.google.gson.Gson.class.getProtectionDomain().getCodeSource().getLocation();
          try (java.util.jar.JarFile f = new java.util.jar.JarFile(new java.io.File(jar.toURI()))) {
            return f.getManifest().getMainAttributes().getValue("Bundle-Version");
          }
        }
        """);
    for (int round = 0; round < 3; round++) {
      assertThat(await(libs.submit(old))).isEqualTo("2.10.1");
      assertThat(await(libs.submit(newer))).isEqualTo("2.11.0");
      assertThat(await(libs.submit(managers))).isEqualTo("2.15.0");
    }
  }

  /** What a user types: {@code function register --deps} and {@code endpoint configure --classpath}. */
  @Test
  void theCliRegistersWithDepsAndConfiguresSiteJars() throws Exception {
    Path source =
        Files.writeString(
            Files.createTempFile("cap", ".java"),
            "String cap(String s) { return org.apache.commons.lang3.StringUtils.capitalize(s); }");
    CliProcess registered =
        CliProcess.run(
            cluster.home,
            "function",
            "register",
            "--file",
            source.toString(),
            "--deps",
            "org.apache.commons:commons-lang3:3.12.0");
    assertThat(registered.exitCode()).as(registered.err()).isZero();
    assertThat(registered.out())
        .contains("java.lang.String cap(java.lang.String s)")
        .contains("with org.apache.commons:commons-lang3:3.12.0");
    String id = registered.out().strip().split("\\s+")[0];
    assertThat(await(libs.submit(client.function(id), "cli"))).isEqualTo("Cli");

    Path siteDir = Files.createTempDirectory("funcx-site-jars-");
    Files.copy(
        repoDir.resolve("org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar"),
        siteDir.resolve("commons-math3-3.6.1.jar"));
    CliProcess configured =
        CliProcess.run(
            cluster.home,
            "endpoint",
            "configure",
            "site",
            "--classpath",
            siteDir.toString(),
            "--maven-offline",
            repoDir.toString());
    assertThat(configured.exitCode()).as(configured.err()).isZero();
    String siteId = cluster.startEndpoint("site", c -> c.withWorkers(1, 0));
    assertThat(cluster.endpoints.config("site").libraries().classpath())
        .containsExactly(siteDir.toString());
    // the service does not know the site's jars: registered unchecked, compiled on the endpoint
    RegisteredFunction median =
        client.registerUnchecked(
            """
        double median(double[] xs) {
          return new org.apache.commons.math3.stat.descriptive.rank.Median().evaluate(xs);
        }
        """,
            "median");
    try (FuncXExecutor site = client.executor(siteId)) {
      // unchecked: no return type known to the SDK, so the JSON number 2.0 decodes as a Number
      Object value = await(site.submit(median, (Object) new double[] {3, 1, 2}));
      assertThat(((Number) value).doubleValue()).isEqualTo(2.0);
    }
  }

  @Test
  void anUnknownCoordinateIsRefusedAtRegistration() {
    assertThatThrownBy(
            () ->
                client.register(
                    "int f() { return 1; }",
                    null,
                    null,
                    List.of("org.example:no-such-library:1.0")))
        .isInstanceOfSatisfying(
            FuncXException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("dependency_error");
              assertThat(e.getMessage())
                  .contains("org.example:no-such-library:1.0")
                  .contains("local (" + repoDir + ")");
            });
  }

  @Test
  void anEndpointThatCannotResolveFailsTheTaskAndRunsTheNext() throws Exception {
    RegisteredFunction withGson = client.register(GSON_VERSION.formatted("2.10.1"));
    var thrown = org.assertj.core.api.Assertions.catchThrowable(() -> await(bare.submit(withGson)));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TaskFailedException.class);
    TaskFailedException e = (TaskFailedException) thrown.getCause();
    assertThat(e.kind()).isEqualTo(ErrorKind.DEPENDENCY_ERROR);
    assertThat(e.error().message())
        .contains("com.google.code.gson:gson:2.10.1")
        .contains("repositories tried: local (");
    RegisteredFunction plain = client.register("int inc(int x) { return x + 1; }");
    assertThat(await(bare.submit(plain, 41))).isEqualTo(42);
    // the failure is remembered: a second task of the set fails the same way without a new attempt
    var again = org.assertj.core.api.Assertions.catchThrowable(() -> await(bare.submit(withGson)));
    assertThat(((TaskFailedException) again.getCause()).kind())
        .isEqualTo(ErrorKind.DEPENDENCY_ERROR);
  }

  @Test
  void funcxServiceStartPassesTheMavenVariablesToTheService() throws Exception {
    // ./funcx as a user runs it, with FUNCX_MAVEN_* in its environment
    // (RepositorySettings.ENVIRONMENT)
    FuncxHome home = new FuncxHome(Files.createTempDirectory("funcx-maven-env-"));
    Path empty = Files.createTempDirectory("funcx-empty-repo-");
    var env =
        java.util.Map.of(
            "FUNCX_MAVEN_OFFLINE", "true", "FUNCX_MAVEN_LOCAL_REPOSITORY", empty.toString());
    CliProcess start =
        CliProcess.run(
            home,
            env,
            "service",
            "start",
            "--port",
            String.valueOf(FreePorts.pick()),
            "--forwarder-port",
            String.valueOf(FreePorts.pick()));
    try {
      assertThat(start.exitCode()).as(start.err()).isZero();
      CliProcess register =
          CliProcess.run(
              home,
              "function",
              "register",
              "--source",
              "int f() { return 1; }",
              "--deps",
              "org.apache.commons:commons-lang3:3.12.0");
      // the service reads only the empty directory, offline: without the variables it would
      // find Commons Lang in ~/.m2 or on Central
      assertThat(register.exitCode()).as(register.out()).isNotZero();
      assertThat(register.err())
          .contains("org.apache.commons:commons-lang3:3.12.0")
          .contains("repositories tried: local (" + empty + ")");
    } finally {
      CliProcess.run(home, "down");
    }
  }
}
