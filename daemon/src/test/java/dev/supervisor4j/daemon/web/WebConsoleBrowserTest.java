package dev.supervisor4j.daemon.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.supervisor4j.daemon.testing.DaemonProcess;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real browser (Debian's headless chromium through chromedriver) against a
 * real daemon: the table lists every process, Stop updates its row without a reload, the tail
 * view follows a chatty program, and a {@code <script>} log line stays text. Screenshots of the
 * status and tail pages go to {@code target/screenshots/} for review.
 *
 * <p>The driver and browser paths are given explicitly (override with {@code -Dchromedriver=} and
 * {@code -Dchromium=}), so Selenium Manager downloads nothing. Skipped where they are missing.
 */
@Tag("browser")
@Timeout(120)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebConsoleBrowserTest {
  static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver", "/usr/bin/chromedriver"));
  static final Path CHROMIUM = Path.of(System.getProperty("chromium", "/usr/bin/chromium"));
  static final Path SCREENSHOTS = Path.of("target", "screenshots");
  static final String XSS = "<script>alert(1)</script><img src=x onerror=window.pwned=1>";

  static Path dir;
  static int port;
  static DaemonProcess daemon;
  static String base;
  static ChromeDriverService service;
  static WebDriver driver;

  static String config(int port) {
    return String.join("\n",
        "[inet_http_server]",
        "port=127.0.0.1:" + port,
        "",
        "[supervisord]",
        "logfile=%(here)s/supervisord.log",
        "pidfile=%(here)s/supervisord.pid",
        "childlogdir=%(here)s",
        "nodaemon=true",
        "silent=true",
        "",
        "[rpcinterface:supervisor]",
        "supervisor.rpcinterface_factory = supervisor.rpcinterface:make_main_rpcinterface",
        "",
        "[program:web]",
        "command=sleep 1000",
        "startsecs=0",
        "",
        // Every tenth line is markup, so one is always within the tail's first kilobyte.
        "[program:chatty]",
        "command=sh -c 'i=0; while :; do if [ $((i %% 10)) -eq 0 ]; then echo \"" + XSS + "\"; fi; "
            + "echo line $i; i=$((i+1)); sleep 0.2; done'",
        "startsecs=0",
        "",
        "[program:pool]",
        "command=sleep 1000",
        "numprocs=2",
        "process_name=%(program_name)s_%(process_num)s",
        "startsecs=0",
        "",
        "[program:idle]",
        "command=sleep 1000",
        "autostart=false",
        "");
  }

  @BeforeAll
  static void up() throws Exception {
    assumeTrue(Files.isExecutable(CHROMEDRIVER), "needs chromium-driver (" + CHROMEDRIVER + ")");
    assumeTrue(Files.isExecutable(CHROMIUM), "needs chromium (" + CHROMIUM + ")");
    dir = Files.createTempDirectory("webconsole");
    port = freePort();
    base = "http://127.0.0.1:" + port + "/";
    daemon = DaemonProcess.start(dir, config(port));
    awaitServing(base + "ok.html", Duration.ofSeconds(30));

    service = new ChromeDriverService.Builder()
        .usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort()
        .build();
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--window-size=1280,800");
    driver = new ChromeDriver(service, options);
    Files.createDirectories(SCREENSHOTS);
  }

  @AfterAll
  static void down() {
    if (driver != null) {
      driver.quit();
    }
    if (service != null) {
      service.stop();
    }
    stopDaemon();
  }

  /** SIGTERM, as an operator would, so the daemon stops its children before it exits. */
  static void stopDaemon() {
    if (daemon == null || !daemon.process().isAlive()) {
      return;
    }
    try {
      daemon.signal("TERM");
      daemon.awaitExit(Duration.ofSeconds(30));
    } catch (Exception | AssertionError e) {
      daemon.close();
    }
  }

  @Test
  @Order(1)
  void statusPageListsEveryProcessWithItsState() throws Exception {
    driver.get(base);
    for (String name : List.of("web", "chatty", "pool:pool_0", "pool:pool_1")) {
      awaitState(name, "running", Duration.ofSeconds(20));
    }
    awaitState("idle", "stopped", Duration.ofSeconds(5));
    WebElement running = row("web").findElement(By.cssSelector(".state"));
    assertTrue(running.getAttribute("class").contains("running"), running.getAttribute("class"));
    assertTrue(row("web").findElement(By.cssSelector(".c-desc")).getText().startsWith("pid "));
    assertEquals(1, driver.findElements(By.cssSelector("tr.group[data-group-header='pool']")).size());
    // Resource figures arrive with the live stream's samples.
    waitFor(Duration.ofSeconds(15), "an RSS figure for web",
        () -> row("web").findElement(By.cssSelector(".rss")).getText().matches("[0-9.]+ [KMG]iB"));
    waitFor(Duration.ofSeconds(15), "a CPU figure for web",
        () -> row("web").findElement(By.cssSelector(".cpu")).getText().matches("[0-9.]+ %"));
    assertEquals("live", driver.findElement(By.id("conn")).getText());
    screenshot("status.png");
  }

  @Test
  @Order(2)
  void stopTurnsARunningRowStoppedWithoutAReload() {
    driver.get(base);
    awaitState("web", "running", Duration.ofSeconds(20));
    waitFor(Duration.ofSeconds(10), "the live stream", () -> "live".equals(driver.findElement(By.id("conn")).getText()));
    js("window.sameDocument = 'yes';");
    row("web").findElement(By.cssSelector("button[data-action='stop']")).click();
    awaitState("web", "stopped", Duration.ofSeconds(2));
    assertEquals("yes", js("return window.sameDocument;"), "the page was reloaded");
    assertEquals("Process web stopped", driver.findElement(By.cssSelector("#flash .text")).getText());
  }

  @Test
  @Order(3)
  void filterGroupsAndGroupActions() {
    driver.get(base);
    awaitState("pool:pool_0", "running", Duration.ofSeconds(20));
    WebElement filter = driver.findElement(By.id("filter"));
    filter.sendKeys("pool_1");
    assertTrue(row("pool:pool_1").isDisplayed());
    assertTrue(!row("pool:pool_0").isDisplayed() && !row("chatty").isDisplayed(), "filter left other rows");
    filter.clear(); // fires no input event: send one as typing would
    js("document.getElementById('filter').dispatchEvent(new Event('input'));");
    WebElement group = driver.findElement(By.cssSelector("tr.group[data-group-header='pool']"));
    group.findElement(By.cssSelector("button.toggle")).click();
    assertTrue(!row("pool:pool_0").isDisplayed() && !row("pool:pool_1").isDisplayed(), "group did not collapse");
    group.findElement(By.cssSelector("button.toggle")).click();
    assertTrue(row("pool:pool_0").isDisplayed(), "group did not expand");
    group.findElement(By.cssSelector("button[data-action='stop']")).click();
    awaitState("pool:pool_0", "stopped", Duration.ofSeconds(10));
    awaitState("pool:pool_1", "stopped", Duration.ofSeconds(10));
    assertEquals("Group pool stopped", driver.findElement(By.cssSelector("#flash .text")).getText());
    assertEquals("running", row("chatty").findElement(By.cssSelector(".state")).getText());
  }

  @Test
  @Order(4)
  void supervisordActionLinkAsksBeforeActing() throws Exception {
    driver.get(base + "index.html?processname=idle&action=start");
    WebElement confirm = driver.findElement(By.id("confirm"));
    awaitState("idle", "stopped", Duration.ofSeconds(10));
    Thread.sleep(1000); // give a wrongly acting GET time to show
    awaitState("idle", "stopped", Duration.ofSeconds(1));
    confirm.click();
    waitFor(Duration.ofSeconds(20), "the flash after the confirmed start",
        () -> driver.findElement(By.cssSelector("#flash .text")).getText().equals("Process idle started"));
    assertTrue(driver.getCurrentUrl().contains("message="), driver.getCurrentUrl());
    awaitState("idle", "running", Duration.ofSeconds(10));
  }

  @Test
  @Order(5)
  void tailFollowsTheLogAndShowsMarkupAsText() throws Exception {
    driver.get(base + "tail.html?processname=chatty");
    By stdout = By.cssSelector("section.log[data-channel=stdout] pre.logtext");
    waitFor(Duration.ofSeconds(15), "output in the tail view", () -> lastLine(driver.findElement(stdout).getText()) >= 0);
    int first = lastLine(driver.findElement(stdout).getText());
    waitFor(Duration.ofSeconds(15), "new lines while the page stays open",
        () -> lastLine(driver.findElement(stdout).getText()) >= first + 3);
    waitFor(Duration.ofSeconds(15), "the markup line", () -> driver.findElement(stdout).getText().contains(XSS));
    assertTrue(driver.findElements(By.cssSelector("pre.logtext script, pre.logtext img")).isEmpty(),
        "log text became elements");
    assertNull(js("return window.pwned === undefined ? null : window.pwned;"), "log markup ran");
    try {
      driver.switchTo().alert();
      throw new AssertionError("an alert opened: the log's script ran");
    } catch (NoAlertPresentException expected) {
      // nothing ran
    }
    assertEquals("live", driver.findElement(By.id("conn")).getText());
    screenshot("tail.png");
  }

  @Test
  @Order(6)
  void historyShowsTheTimelineAndWhoActed() throws Exception {
    // web was stopped from the page (order 2): the ledger has the action, through the web console
    driver.get(base + "history.html?processname=web");
    waitFor(Duration.ofSeconds(20), "the web console's stop in the history", () -> historyText().contains("stopProcess web")
        && historyText().contains("via web: OK"));
    assertTrue(historyText().contains("RUNNING \u2192 STOPPING"), historyText());
    assertTrue(historyText().contains("STOPPING \u2192 STOPPED"), historyText());
    assertTrue(driver.findElements(By.cssSelector("#timeline .seg")).size() >= 3, "a band per recorded state");
    screenshot("history.png");
    driver.get(base);
    waitFor(Duration.ofSeconds(20), "restart counts beside the process",
        () -> row("chatty").findElement(By.cssSelector(".c-hist a")).getText().matches("\\d+ starts?.*"));
  }

  static String historyText() {
    return driver.findElement(By.id("entries")).getText();
  }

  @Test
  @Order(7)
  void showsTheLostConnectionAndReconnectsByItself() throws Exception {
    driver.get(base);
    waitFor(Duration.ofSeconds(10), "the live stream", () -> "live".equals(driver.findElement(By.id("conn")).getText()));
    js("window.sameDocument = 'still';");
    stopDaemon();
    waitFor(Duration.ofSeconds(10), "the disconnected banner",
        () -> driver.findElement(By.id("conn")).getText().equals("disconnected, retrying\u2026"));
    screenshot("disconnected.png");
    daemon = DaemonProcess.start(dir, config(port));
    waitFor(Duration.ofSeconds(60), "the page to reconnect on its own",
        () -> "live".equals(driver.findElement(By.id("conn")).getText()));
    awaitState("pool:pool_0", "running", Duration.ofSeconds(20)); // a new daemon, started afresh
    assertEquals("still", js("return window.sameDocument;"), "the page was reloaded");
    // the history survived the restart
    driver.get(base + "history.html?processname=web");
    waitFor(Duration.ofSeconds(30), "the stop of the previous daemon run", () -> historyText().contains("stopProcess web"));
  }

  // --- helpers

  static WebElement row(String namespec) {
    return driver.findElement(By.cssSelector("tr.proc[data-name='" + namespec + "']"));
  }

  static void awaitState(String namespec, String state, Duration timeout) {
    waitFor(timeout, namespec + " " + state, () -> {
      List<WebElement> rows = driver.findElements(By.cssSelector("tr.proc[data-name='" + namespec + "'] .state"));
      return !rows.isEmpty() && rows.get(0).getText().equals(state);
    });
  }

  static void waitFor(Duration timeout, String what, BooleanSupplier condition) {
    try {
      new WebDriverWait(driver, timeout, Duration.ofMillis(50))
          .ignoring(StaleElementReferenceException.class)
          .ignoring(NoSuchElementException.class)
          .until(d -> condition.getAsBoolean());
    } catch (TimeoutException e) {
      throw new AssertionError("timed out after " + timeout + " waiting for " + what + "\n--- main log:\n"
          + daemon.mainLog(), e);
    }
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static int lastLine(String text) {
    Matcher m = Pattern.compile("line (\\d+)").matcher(text);
    int n = -1;
    while (m.find()) {
      n = Integer.parseInt(m.group(1));
    }
    return n;
  }

  static void screenshot(String name) throws IOException {
    File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  static void awaitServing(String url, Duration timeout) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("daemon not serving " + url + "\n--- stderr:\n" + daemon.stderr());
  }
}
