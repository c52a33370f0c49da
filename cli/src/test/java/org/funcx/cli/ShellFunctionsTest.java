package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.FuncXException;
import org.funcx.client.FuncXExecutor;
import org.funcx.client.RegisteredFunction;
import org.funcx.client.ShellResult;
import org.funcx.client.TaskFailedException;
import org.funcx.client.TaskFuture;
import org.funcx.client.TaskOptions;
import org.funcx.core.model.ErrorKind;
import org.funcx.core.model.TaskState;
import org.funcx.jvm.ProcessGroups;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Shell functions (issue 15, item 3) through real processes: the CLI and the SDK register command
 * templates at a real service, a real endpoint's manager runs them with {@code /bin/sh} in a
 * sandbox and its own process group, and the results come back as {@link ShellResult}s.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ShellFunctionsTest {
  static TestCluster cluster;
  static FuncXClient client;
  static FuncXExecutor executor;
  static String endpointId;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    client = cluster.client();
    endpointId = cluster.startEndpoint("local", c -> c.withWorkers(2, 0));
    executor = client.executor(endpointId);
  }

  @AfterAll
  static void stop() throws Exception {
    if (executor != null) executor.close();
    if (cluster != null) cluster.close();
  }

  @Test
  void an_argument_is_one_word_never_shell_code_through_the_cli(@TempDir Path dir)
      throws Exception {
    Path canary = Files.createDirectory(dir.resolve("canary"));
    CliProcess register =
        CliProcess.run(
            cluster.home, "function", "register", "--shell", "echo {word}", "--name", "echo");
    assertThat(register.exitCode()).as(register.err()).isZero();
    String id = register.out().trim().split("\\s+")[0];

    String attack = "a b; rm -rf ~; rm -rf " + canary + " $(touch " + dir.resolve("touched") + ")";
    JsonObject args = new JsonObject();
    args.addProperty("word", attack);
    CliProcess run = CliProcess.run(cluster.home, "run", id, args.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    JsonObject result = JsonParser.parseString(run.out()).getAsJsonObject();
    assertThat(result.get("returncode").toString()).isEqualTo("0");
    assertThat(result.get("stdout").getAsString()).isEqualTo(attack + "\n");
    assertThat(result.get("stderr").getAsString()).isEmpty();
    assertThat(result.getAsJsonArray("cmd").asList()).hasSize(5);
    assertThat(result.get("elapsed_s").getAsDouble()).isPositive();
    assertThat(canary).isDirectory();
    assertThat(dir.resolve("touched")).doesNotExist();
  }

  @Test
  void the_sdk_registers_a_template_and_submits_a_map_of_arguments() throws Exception {
    RegisteredFunction echo = client.registerShell("greet", "printf '%s|%s\\n' {greeting} {n}");
    assertThat(echo.isShell()).isTrue();
    assertThat(client.function(echo.id()).kind()).isEqualTo("shell");
    TaskFuture task = executor.submit(echo, Map.of("greeting", "a b; rm -rf ~", "n", 3));
    ShellResult result = ShellResult.of(task.get(60, TimeUnit.SECONDS));
    assertThat(result.returncode()).isZero();
    assertThat(result.stdout()).isEqualTo("a b; rm -rf ~|3\n");
    // The same bounded capture fills the task's printed-output fields.
    assertThat(task.status().stdout()).isEqualTo(result.stdout());
    assertThat(result.cmd()).startsWith("/bin/sh", "-c");
  }

  @Test
  void a_non_zero_return_code_is_a_result_and_a_missing_command_gives_127() throws Exception {
    ShellResult three = run(client.registerShell(null, "echo failing >&2; exit 3"), Map.of());
    assertThat(three.returncode()).isEqualTo(3);
    assertThat(three.stderr()).isEqualTo("failing\n");
    ShellResult missing = run(client.registerShell(null, "nosuchcommand-funcx"), Map.of());
    assertThat(missing.returncode()).isEqualTo(127);
    assertThat(missing.stderr()).contains("not found");
  }

  @Test
  void the_sandbox_is_the_private_working_directory_and_is_removed_after() throws Exception {
    ShellResult result =
        run(client.registerShell(null, "pwd; stat -c %a .; touch left-behind"), Map.of());
    String[] lines = result.stdout().split("\n");
    Path sandbox = Path.of(lines[0]);
    assertThat(sandbox.getParent())
        .isEqualTo(cluster.home.endpointDir("local").resolve("sandboxes").toAbsolutePath());
    assertThat(sandbox.getFileName().toString()).startsWith("task-");
    assertThat(lines[1]).isEqualTo("700");
    assertThat(sandbox).doesNotExist();
  }

  @Test
  void two_million_lines_give_the_bounded_tail_with_the_drop_marker() throws Exception {
    ShellResult result = run(client.registerShell(null, "seq 1 {n}"), Map.of("n", 2_000_000));
    assertThat(result.returncode()).isZero();
    assertThat(result.stdout())
        .startsWith("[… ")
        .contains(" bytes dropped …]\n")
        .endsWith("\n1999999\n2000000\n");
    assertThat(result.stdout().length()).isLessThan((1 << 20) + 100);
  }

  @Test
  void a_walltime_ends_the_process_group_with_kind_timeout_and_returncode_124(@TempDir Path dir)
      throws Exception {
    RegisteredFunction sleeper =
        client.registerShell(null, "echo $$ > {pidfile}; sleep 60 & sleep 61; wait");
    Path pidFile = dir.resolve("pgid");
    TaskFuture task =
        executor.submit(
            sleeper,
            TaskOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)),
            Map.of("pidfile", pidFile.toString()));
    TaskFailedException failed = failure(task);
    assertThat(failed.kind()).isEqualTo(ErrorKind.TIMEOUT);
    assertThat(failed.error().details()).contains("returncode: 124");
    long pgid = readPid(pidFile);
    await().atMost(Duration.ofSeconds(60)).until(() -> !ProcessGroups.alive(pgid));
    // The worker was freed: both workers run tasks again.
    assertThat(run(client.registerShell(null, "echo {x}"), Map.of("x", "after")).stdout())
        .isEqualTo("after\n");
  }

  @Test
  void cancelling_a_running_shell_task_ends_its_process_group(@TempDir Path dir) throws Exception {
    RegisteredFunction sleeper = client.registerShell(null, "echo $$ > {pidfile}; sleep 60");
    Path pidFile = dir.resolve("pgid");
    TaskFuture task = executor.submit(sleeper, Map.of("pidfile", pidFile.toString()));
    await().atMost(Duration.ofSeconds(60)).until(() -> Files.size(pidFile) > 0);
    long pgid = readPid(pidFile);
    assertThat(ProcessGroups.alive(pgid)).isTrue();
    assertThat(client.cancel(task.taskId())).isTrue();
    await().atMost(Duration.ofSeconds(60)).until(() -> !ProcessGroups.alive(pgid));
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> client.task(task.taskId()).state() == TaskState.CANCELLED);
  }

  @Test
  void a_missing_or_extra_placeholder_is_a_typed_argument_error() throws Exception {
    RegisteredFunction echo = client.registerShell(null, "echo {word}");
    TaskFailedException missing = failure(executor.submit(echo, Map.of()));
    assertThat(missing.kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(missing.getMessage()).contains("missing value(s) for [word]");
    TaskFailedException extra = failure(executor.submit(echo, Map.of("word", "x", "more", "y")));
    assertThat(extra.kind()).isEqualTo(ErrorKind.ARGUMENT_ERROR);
    assertThat(extra.getMessage()).contains("unknown placeholder(s) [more]");
    TaskFailedException notText = failure(executor.submit(echo, Map.of("word", List.of(1))));
    assertThat(notText.getMessage()).contains("must be a string, number or boolean");
  }

  @Test
  void a_malformed_template_is_refused_at_registration() throws Exception {
    assertThatThrownBy(() -> client.registerShell(null, "echo {unclosed"))
        .isInstanceOfSatisfying(
            FuncXException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.code()).isEqualTo("invalid_shell_command");
              assertThat(e.getMessage()).contains("unclosed '{' at offset 5");
            });
    assertThatThrownBy(() -> client.registerShell(null, "echo {a-b}"))
        .hasMessageContaining("placeholder '{a-b}'");
    assertThatThrownBy(() -> client.registerShell(null, "#".repeat(16_385)))
        .isInstanceOfSatisfying(FuncXException.class, e -> assertThat(e.status()).isEqualTo(413));
    CliProcess cli = CliProcess.run(cluster.home, "function", "register", "--shell", "echo }");
    assertThat(cli.exitCode()).isNotZero();
    assertThat(cli.err()).contains("unmatched '}' at offset 5");
    // The service goes on serving.
    assertThat(client.registerShell(null, "echo fine").isShell()).isTrue();
  }

  @Test
  void allowed_functions_refuses_an_unlisted_shell_function() throws Exception {
    RegisteredFunction listed = client.registerShell(null, "echo listed");
    RegisteredFunction unlisted = client.registerShell(null, "echo unlisted");
    String strict =
        cluster.startEndpoint(
            "strict", c -> c.withWorkers(1, 0).withAllowedFunctions(List.of(listed.id())));
    try (FuncXExecutor ex = client.executor(strict)) {
      assertThat(ShellResult.of(ex.submit(listed, Map.of()).get(60, TimeUnit.SECONDS)).stdout())
          .isEqualTo("listed\n");
      assertThatThrownBy(() -> ex.submit(unlisted, Map.of()))
          .isInstanceOf(FuncXException.class)
          .hasMessageContaining("allowed_functions");
    }
  }

  private static ShellResult run(RegisteredFunction f, Map<String, ?> args) throws Exception {
    return ShellResult.of(executor.submit(f, args).get(60, TimeUnit.SECONDS));
  }

  private static long readPid(Path file) throws Exception {
    return Long.parseLong(Files.readString(file).trim());
  }

  private static TaskFailedException failure(TaskFuture task) {
    var thrown =
        org.assertj.core.api.Assertions.catchThrowable(() -> task.get(60, TimeUnit.SECONDS));
    assertThat(thrown)
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(TaskFailedException.class);
    return (TaskFailedException) thrown.getCause();
  }
}
