package org.funcx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.funcx.jvm.FreePorts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The quickstart as a person runs it: Jupyter Notebook (Debian's, started the way ./funcx up does)
 * on loopback, the notebook opened in headless Chromium (Debian's chromium and chromium-driver,
 * see scripts/install-browser.sh), Cell → Run All clicked, and the map's result table read from
 * the page. A screenshot goes to target/browser/quickstart.png.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserNotebookTest {
  static final Path SCREENSHOT = Path.of("target", "browser", "quickstart.png").toAbsolutePath();
  static TestCluster cluster;
  static NotebookControl jupyter;
  static HeadlessChromium chromium;
  static WebDriver browser;

  @BeforeAll
  static void start() throws Exception {
    cluster = new TestCluster();
    cluster.startEndpoint("local", c -> c);
    // A copy: the page may autosave outputs, and the repository's notebook must stay clean.
    Path notebooks = Files.createDirectories(cluster.home.root().resolve("notebooks"));
    Files.copy(
        NotebookRunner.NOTEBOOKS.resolve("quickstart.ipynb"),
        notebooks.resolve("quickstart.ipynb"),
        StandardCopyOption.REPLACE_EXISTING);
    Map<String, String> env = new HashMap<>(cluster.clientEnv());
    env.put("JUPYTER_PATH", new NotebookRunner().jupyterPath().toString());
    jupyter = new NotebookControl(cluster.home);
    String url = jupyter.start(notebooks, FreePorts.pick(), env);
    chromium = new HeadlessChromium();
    browser = chromium.driver;
    browser.get(url.replace("/?token=", "/notebooks/quickstart.ipynb?token="));
  }

  @AfterAll
  static void stop() throws Exception {
    try {
      if (chromium != null) chromium.close();
      if (jupyter != null) jupyter.stop();
    } finally {
      if (cluster != null) cluster.close();
    }
  }

  @Test
  void run_all_in_the_browser_renders_the_map_table_with_the_right_values() throws Exception {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(120));
    wait.until(
        d ->
            !d.findElements(By.cssSelector("#notebook .cell")).isEmpty()
                && "Kernel Idle".equals(kernelState(d)));
    browser.findElement(By.id("celllink")).click();
    browser.findElement(By.id("run_all_cells")).click();

    WebDriverWait cells = new WebDriverWait(browser, Duration.ofSeconds(180));
    cells.until(
        d ->
            !d.findElements(By.cssSelector(".output_error")).isEmpty()
                || (d.findElements(
                            By.xpath("//div[contains(@class,'input_prompt')][contains(.,'[*]')]"))
                        .isEmpty()
                    && d.findElements(By.cssSelector(".code_cell")).stream()
                        .allMatch(
                            c ->
                                c.findElement(By.cssSelector(".input_prompt"))
                                    .getText()
                                    .matches("In\\s*\\[\\d+\\]:"))));
    WebElement table =
        browser.findElement(
            By.xpath(
                "//div[contains(@class,'output_html')]//table[caption[contains(.,'sumOfSquares over')]]"));
    ((org.openqa.selenium.JavascriptExecutor) browser)
        .executeScript(
            "arguments[0].scrollIntoView({block: 'start'})",
            table.findElement(By.tagName("caption")));
    chromium.screenshot(SCREENSHOT);

    assertThat(browser.findElements(By.cssSelector(".output_error"))).as("cell errors").isEmpty();
    assertThat(table.findElement(By.tagName("caption")).getText())
        .contains("sumOfSquares over 100 input(s)")
        .contains("100 succeeded, 0 failed");
    for (long n : List.of(1L, 10L, 100L)) {
      List<WebElement> row =
          table.findElements(By.xpath(".//tr[td[1][normalize-space()='" + n + "']]/td"));
      assertThat(row).as("table row for input %d", n).hasSize(5);
      assertThat(row.get(2).getText()).isEqualTo("success");
      assertThat(row.get(3).getText()).isEqualTo(String.valueOf(n * (n + 1) * (2 * n + 1) / 6));
      assertThat(row.get(4).getText()).as("output column: sumOfSquares prints nothing").isEmpty();
    }
    assertThat(table.findElements(By.xpath(".//tbody/tr"))).hasSize(100);
  }

  private static String kernelState(WebDriver d) {
    List<WebElement> indicator = d.findElements(By.id("kernel_indicator_icon"));
    return indicator.isEmpty() ? "" : indicator.get(0).getAttribute("title");
  }
}
