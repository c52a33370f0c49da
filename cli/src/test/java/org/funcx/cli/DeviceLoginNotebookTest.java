package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A scientist logs in from a notebook: the notebook runs headless (nbclient) in a fresh funcX
 * home with no credentials; {@code %funcx login} shows a link and a code; the test, playing the
 * user, opens the service's approval page, signs in there and approves; the notebook then runs a
 * function on the endpoint the administrator shared, as that user.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DeviceLoginNotebookTest {
  static final Pattern PROMPT =
      Pattern.compile("open (\\S+) and check that it shows the code ([A-Z-]+)");
  static final String PASSWORD = "correct horse battery staple";
  static TestCluster cluster;
  static NotebookRunner notebooks;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    String endpoint = cluster.startEndpoint("local", c -> c);
    var admin = cluster.client();
    admin.createUser(new org.funcx.core.rest.UserRequest("ada", PASSWORD, List.of(), false));
    admin.share("endpoints", endpoint, true, List.of());
    notebooks = new NotebookRunner();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cluster != null) cluster.close();
  }

  @Test
  void a_device_login_approved_on_the_service_page_signs_the_notebook_in() throws Exception {
    Path notebookHome = Files.createTempDirectory("funcx-user-");
    Path out = Files.createTempDirectory("funcx-nb-").resolve("device-login.ipynb");
    Path resources = Path.of("src", "test", "resources", "device-login").toAbsolutePath();
    ProcessBuilder pb =
        new ProcessBuilder(
                "/usr/bin/python3",
                resources.resolve("streaming_execute.py").toString(),
                resources.resolve("device-login.ipynb").toString(),
                out.toString(),
                "funcx-java")
            .redirectErrorStream(true);
    pb.environment().put("JUPYTER_PATH", notebooks.jupyterPath().toString());
    pb.environment().putAll(cluster.clientEnv());
    pb.environment().put("FUNCX_HOME", notebookHome.toString());
    Process notebook = pb.start();
    StringBuilder log = new StringBuilder();
    CompletableFuture<Matcher> prompt = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (var lines =
                  new BufferedReader(new InputStreamReader(notebook.getInputStream()))) {
                for (String line; (line = lines.readLine()) != null; ) {
                  log.append(line).append('\n');
                  Matcher m = PROMPT.matcher(line);
                  if (m.find()) prompt.complete(m);
                }
              } catch (java.io.IOException e) {
                prompt.completeExceptionally(e);
              }
              prompt.completeExceptionally(new IllegalStateException("no login prompt:\n" + log));
            },
            "notebook-output");
    reader.start();

    Matcher shown = prompt.get(3, TimeUnit.MINUTES);
    URI page = URI.create(shown.group(1));
    String code = shown.group(2);
    assertThat(page.toString()).startsWith(cluster.url + "/device?user_code=");
    approve(page, code);

    assertThat(notebook.waitFor(3, TimeUnit.MINUTES)).isTrue();
    reader.join(10_000);
    assertThat(notebook.exitValue()).as("notebook run:%n%s", log).isZero();
    List<String> outputs = NotebookFiles.codeOutputs(out);
    assertThat(outputs.get(0)).contains("Logged in as ada");
    assertThat(outputs.get(1))
        .contains("ada at " + cluster.url)
        .contains("funcx:compute")
        .doesNotContain("funcx:admin");
    assertThat(outputs.get(5)).contains("42");
    Path tokens = notebookHome.resolve("tokens.json");
    assertThat(Files.getPosixFilePermissions(tokens))
        .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    assertThat(
            JsonParser.parseString(Files.readString(tokens))
                .getAsJsonObject()
                .getAsJsonObject(cluster.url)
                .get("refreshToken")
                .getAsString())
        .isNotBlank();
  }

  /** What the user does in the browser: opens the page, checks the code, signs in, approves. */
  private static void approve(URI page, String code) throws Exception {
    HttpClient browser = HttpClient.newHttpClient();
    var form =
        browser.send(HttpRequest.newBuilder(page).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(form.statusCode()).isEqualTo(200);
    assertThat(form.body()).contains("value=\"" + code + "\"").contains("name=\"password\"");
    var wrong =
        browser.send(post(page, code, "wrong password"), HttpResponse.BodyHandlers.ofString());
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).contains("Wrong user name or password");
    var approved = browser.send(post(page, code, PASSWORD), HttpResponse.BodyHandlers.ofString());
    assertThat(approved.statusCode()).isEqualTo(200);
    assertThat(approved.body()).contains("Approved").contains("ada");
  }

  private static HttpRequest post(URI page, String code, String password) {
    String body =
        "user_code=" + enc(code) + "&username=ada&password=" + enc(password) + "&action=approve";
    return HttpRequest.newBuilder(page.resolve("/device"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
