package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.funcx.client.FuncXClient;
import org.funcx.client.Submission;
import org.funcx.client.TaskOptions;
import org.funcx.service.auth.Principal;
import org.funcx.service.auth.Scope;
import org.funcx.service.auth.ServiceAuth;
import org.funcx.service.auth.SigningKeys;
import org.funcx.service.auth.TokenIssuer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web dashboard as a person uses it, in headless Chromium against a real service and a real
 * local endpoint: sign in through the authorization code flow with PKCE while a map runs, the
 * figures on the page equal what the API answers the same user, a screenshot is saved to
 * target/browser/dashboard.png; a second user sees none of the first one's tasks; sign-in
 * errors and a dashboard without or with an expired session each say what happened.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardBrowserTest {
  static final Path SCREENSHOT = Path.of("target", "browser", "dashboard.png").toAbsolutePath();
  static final String NAP =
      "long nap(long ms) throws InterruptedException { Thread.sleep(ms);" + " return ms; }";
  static final String BOOM =
      "long boom(long x) { throw new IllegalStateException(\"boom \" + x); }";
  static final int MAP_TASKS = 40;
  static final int FAILING_TASKS = 3;
  static final String BOB_PASSWORD = "bob's long enough password";
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static TestCluster cluster;
  static HeadlessChromium chromium;
  static WebDriver browser;
  static FuncXClient admin;
  static String endpoint;
  static Submission map;
  static Submission failing;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    endpoint = cluster.startEndpoint("local", c -> c);
    admin = cluster.client();
    admin.createUser(new org.funcx.core.rest.UserRequest("bob", BOB_PASSWORD, List.of(), false));
    chromium = new HeadlessChromium();
    browser = chromium.driver;
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (chromium != null) chromium.close();
    } finally {
      if (cluster != null) cluster.close();
    }
  }

  static WebDriverWait waitUpTo(int seconds) {
    return new WebDriverWait(browser, Duration.ofSeconds(seconds));
  }

  /** From the sign-in view: the Sign in button, the issuer's form, back on the dashboard. */
  static void signIn(String user, String password) {
    waitUpTo(30).until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
    browser.findElement(By.id("sign-in")).click();
    waitUpTo(30).until(d -> d.getCurrentUrl().contains("/oauth/authorize"));
    browser.findElement(By.id("username")).sendKeys(user);
    browser.findElement(By.id("password")).sendKeys(password);
    browser.findElement(By.id("sign-in")).click();
    waitUpTo(60)
        .until(
            d ->
                d.findElement(By.id("dashboard-view")).isDisplayed()
                    && d.findElement(By.id("signed-in-as")).getText().contains(user));
    assertThat(browser.getCurrentUrl())
        .as("the code leaves the address bar")
        .isEqualTo(cluster.url + "/dashboard");
  }

  static String adminPassword() throws Exception {
    return Files.readString(cluster.home.serviceData().resolve(ServiceAuth.ADMIN_PASSWORD_FILE))
        .trim();
  }

  /** GET on the API as the administrator, with a token from the local client's credentials. */
  static JsonObject adminApi(String path) throws Exception {
    JsonObject c =
        JsonParser.parseString(
                Files.readString(cluster.home.serviceData().resolve(ServiceAuth.LOCAL_CLIENT_FILE)))
            .getAsJsonObject();
    String basic =
        Base64.getEncoder()
            .encodeToString(
                (c.get("client_id").getAsString() + ":" + c.get("client_secret").getAsString())
                    .getBytes(StandardCharsets.UTF_8));
    var token =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(cluster.url + "/oauth/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "grant_type=client_credentials&scope="
                            + URLEncoder.encode(Scope.COMPUTE.claim(), StandardCharsets.UTF_8)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
    String access =
        JsonParser.parseString(token.body()).getAsJsonObject().get("access_token").getAsString();
    var answer =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(cluster.url + path))
                .header("Authorization", "Bearer " + access)
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return JsonParser.parseString(answer.body()).getAsJsonObject();
  }

  static String text(String id) {
    return browser.findElement(By.id(id)).getText();
  }

  static List<WebElement> rows(String table) {
    return browser.findElements(By.cssSelector("#" + table + " tbody tr"));
  }

  @Test
  @Order(1)
  void signed_in_during_a_map_the_page_shows_what_the_api_shows() throws Exception {
    String nap = admin.register(NAP).id();
    String boom = admin.register(BOOM).id();
    List<Long> naps = new ArrayList<>();
    for (int i = 0; i < MAP_TASKS; i++) naps.add(300L);
    map = admin.submit(nap, endpoint, naps, TaskOptions.DEFAULT);
    failing = admin.submit(boom, endpoint, List.of(1L, 2L, 3L), TaskOptions.DEFAULT);

    browser.get(cluster.url + "/dashboard");
    signIn("admin", adminPassword());
    waitUpTo(60)
        .until(
            d ->
                !d.findElements(By.cssSelector("#groups tr[data-group-id='" + map.groupId() + "']"))
                    .isEmpty());
    System.out.println(
        "dashboard open; map tasks finished so far: "
            + admin.batchStatus(map.taskIds()).values().stream().filter(s -> s.finished()).count()
            + " of "
            + MAP_TASKS);

    await()
        .atMost(Duration.ofSeconds(180))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () ->
                admin.batchStatus(union(map.taskIds(), failing.taskIds())).values().stream()
                    .allMatch(s -> s.finished()));
    // The page refreshes itself: wait until it shows every task finished, failures charted.
    waitUpTo(60)
        .until(
            d ->
                text("finished-last-hour").equals(String.valueOf(MAP_TASKS + FAILING_TASKS))
                    && d.findElement(By.id("chart-failures"))
                        .getText()
                        .contains("remote_exception"));
    JsonObject activity = adminApi("/v2/activity");
    JsonObject endpoints = adminApi("/v2/endpoints");

    assertThat(text("finished-last-hour"))
        .isEqualTo(activity.get("finished_last_hour").getAsString())
        .isEqualTo("43");
    int failuresInApi =
        activity.getAsJsonObject("failures_by_kind").entrySet().stream()
            .mapToInt(e -> e.getValue().getAsInt())
            .sum();
    assertThat(failuresInApi).isEqualTo(FAILING_TASKS);
    assertThat(text("failed-last-hour")).isEqualTo(String.valueOf(failuresInApi));
    assertThat(browser.findElement(By.cssSelector("#chart-tasks svg")).getText())
        .contains("Tasks finished per second");
    assertThat(browser.findElement(By.cssSelector("#chart-failures svg")).getText())
        .contains("Failures by kind")
        .contains("remote_exception");

    Map<String, List<String>> groupsInApi = new TreeMap<>();
    for (JsonElement e : activity.getAsJsonArray("task_groups")) {
      JsonObject g = e.getAsJsonObject();
      List<String> states = new ArrayList<>();
      g.getAsJsonObject("states")
          .entrySet()
          .forEach(s -> states.add(s.getKey() + ": " + s.getValue().getAsInt()));
      groupsInApi.put(
          g.get("task_group_id").getAsString(),
          List.of(g.get("task_count").getAsString(), String.join(", ", states)));
    }
    Map<String, List<String>> groupsOnPage = new TreeMap<>();
    for (WebElement row : rows("groups")) {
      groupsOnPage.put(
          row.getAttribute("data-group-id"),
          List.of(
              row.findElement(By.className("task-count")).getText(),
              row.findElement(By.className("states")).getText()));
    }
    assertThat(groupsOnPage).isEqualTo(groupsInApi);
    assertThat(groupsOnPage.get(map.groupId())).containsExactly("40", "success: 40");
    assertThat(groupsOnPage.get(failing.groupId())).containsExactly("3", "failed: 3");

    Map<String, String> tasksInApi = new TreeMap<>();
    for (JsonElement e : activity.getAsJsonArray("tasks")) {
      JsonObject t = e.getAsJsonObject();
      tasksInApi.put(
          t.get("task_id").getAsString(),
          t.get("status").getAsString()
              + " | "
              + (t.has("result") ? t.get("result").toString() : "")
              + " | "
              + (t.has("error") ? t.getAsJsonObject("error").get("kind").getAsString() : ""));
    }
    Map<String, String> tasksOnPage = new TreeMap<>();
    for (WebElement row : rows("tasks")) {
      String error = row.findElement(By.className("error")).getText();
      tasksOnPage.put(
          row.getAttribute("data-task-id"),
          row.findElement(By.className("state")).getText()
              + " | "
              + row.findElement(By.className("result")).getText()
              + " | "
              + (error.isEmpty() ? "" : error.substring(0, error.indexOf(':'))));
    }
    assertThat(tasksOnPage).isEqualTo(tasksInApi).isNotEmpty();
    assertThat(tasksOnPage.keySet()).containsAll(failing.taskIds());
    for (String id : failing.taskIds()) {
      assertThat(
              browser
                  .findElement(By.cssSelector("#tasks tr[data-task-id='" + id + "'] .error"))
                  .getText())
          .startsWith("remote_exception")
          .contains("boom");
    }

    JsonObject ep = endpoints.getAsJsonArray("endpoints").get(0).getAsJsonObject();
    WebElement row =
        browser.findElement(By.cssSelector("#endpoints tr[data-endpoint-id='" + endpoint + "']"));
    assertThat(rows("endpoints")).hasSize(endpoints.getAsJsonArray("endpoints").size());
    assertThat(row.findElement(By.className("status")).getText())
        .isEqualTo("online")
        .isEqualTo(ep.get("status").getAsString());
    assertThat(row.findElement(By.className("workers")).getText())
        .isEqualTo(ep.get("workers").getAsString());
    int idle = Integer.parseInt(row.findElement(By.className("idle")).getText());
    int busy = Integer.parseInt(row.findElement(By.className("busy")).getText());
    assertThat(idle + busy).isEqualTo(ep.get("workers").getAsInt()).isPositive();

    // The endpoint's blocks as its agent reported them: the local block and its manager's pid.
    Set<String> blocksInApi = new TreeSet<>();
    for (JsonElement e : ep.getAsJsonArray("blocks")) {
      JsonObject b = e.getAsJsonObject();
      blocksInApi.add(
          b.get("block_id").getAsString()
              + " | "
              + b.get("resource_id").getAsString()
              + " | "
              + b.get("state").getAsString());
    }
    assertThat(blocksInApi).anyMatch(b -> b.startsWith("local-0 | ") && b.endsWith(" | running"));
    Set<String> blocksOnPage = new TreeSet<>();
    for (WebElement block : rows("blocks")) {
      blocksOnPage.add(
          block.getAttribute("data-block-id")
              + " | "
              + block.findElement(By.className("resource")).getText()
              + " | "
              + block.findElement(By.className("state")).getText());
    }
    assertThat(blocksOnPage).isEqualTo(blocksInApi);

    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    chromium.screenshot(SCREENSHOT);
  }

  @Test
  @Order(2)
  void a_second_user_sees_none_of_the_first_users_tasks() {
    browser.findElement(By.id("sign-out")).click();
    waitUpTo(30).until(d -> text("message").equals("Signed out."));
    signIn("bob", BOB_PASSWORD);
    assertThat(rows("groups")).hasSize(1);
    assertThat(rows("groups").get(0).getText()).isEqualTo("none");
    assertThat(rows("tasks").get(0).getText()).isEqualTo("none");
    assertThat(rows("endpoints").get(0).getText())
        .as("admin's endpoint is not shared")
        .isEqualTo("none");
    assertThat(text("finished-last-hour")).isEqualTo("0");
    String page = browser.getPageSource();
    assertThat(page).doesNotContain(map.groupId()).doesNotContain(failing.groupId());
    for (String id : map.taskIds()) assertThat(page).doesNotContain(id);
  }

  @Test
  @Order(3)
  void an_expired_session_goes_back_to_sign_in_with_a_clear_message() throws Exception {
    TokenIssuer issuer =
        new TokenIssuer(
            SigningKeys.loadOrCreate(cluster.home.serviceData().resolve("signing-key.jwk")),
            cluster.url,
            "funcx");
    String expired =
        issuer.accessToken(
            new Principal("someone", "bob", Set.of(Scope.COMPUTE.claim()), Set.of(), null),
            "funcx-dashboard",
            Duration.ofMinutes(-5));
    ((JavascriptExecutor) browser)
        .executeScript(
            "sessionStorage.setItem("
                + "'funcx.dashboard.session', JSON.stringify({token: arguments[0], expiresAt: 0}))",
            expired);
    browser.navigate().refresh();
    waitUpTo(30).until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
    assertThat(text("message"))
        .startsWith("Your session has expired or is no longer valid")
        .containsIgnoringCase("expired")
        .endsWith("Sign in again.");
    assertThat(browser.findElement(By.id("dashboard-view")).isDisplayed()).isFalse();

    // No session at all: a fresh tab of the dashboard offers sign-in and shows no data.
    ((JavascriptExecutor) browser).executeScript("sessionStorage.clear()");
    browser.get(cluster.url + "/dashboard");
    waitUpTo(30).until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
    assertThat(rows("tasks")).isEmpty();
  }

  @Test
  @Order(4)
  void sign_in_errors_are_shown_to_the_person() {
    String redirect = URLEncoder.encode(cluster.url + "/dashboard", StandardCharsets.UTF_8);
    browser.get(
        cluster.url
            + "/oauth/authorize?response_type=code&client_id=funcx-dashboard"
            + "&redirect_uri="
            + redirect
            + "&state=x");
    waitUpTo(30).until(d -> d.findElement(By.id("sign-in-view")).isDisplayed());
    assertThat(text("message"))
        .isEqualTo(
            "Sign-in failed: invalid_request: code_challenge is"
                + " required (PKCE, RFC 7636, method S256)");

    browser.get(
        cluster.url
            + "/oauth/authorize?response_type=code&client_id=funcx-dashboard"
            + "&redirect_uri="
            + URLEncoder.encode("http://evil.example/", StandardCharsets.UTF_8)
            + "&code_challenge="
            + "a".repeat(43)
            + "&code_challenge_method=S256");
    assertThat(browser.findElement(By.id("result")).getText())
        .contains("is not the one registered for the dashboard");
  }

  private static List<String> union(List<String> a, List<String> b) {
    List<String> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
