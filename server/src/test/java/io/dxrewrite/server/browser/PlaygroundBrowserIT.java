package io.dxrewrite.server.browser;

import static io.dxrewrite.server.TestServers.ACME_KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.dxrewrite.server.DxRewriteServer;
import io.dxrewrite.server.ServerConfig;
import io.dxrewrite.server.TestServers;
import io.dxrewrite.server.playground.SecurityHeaders;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The playground in a real browser: Debian's headless Chromium, driven through Debian's
 * chromedriver (paths from the system properties {@code dxrewrite.chromium} and {@code
 * dxrewrite.chromedriver}, set by the Maven profile {@code browser}; Selenium Manager is never
 * asked for a driver). Chromium resolves no host but the test server's, so the page must load
 * everything from it. Each state is saved as a screenshot under {@code
 * target/playground-screenshots/}, and the step timings are written to {@code timings.txt} there.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PlaygroundBrowserIT {
  /** A real review sentence (UCI Sentiment Labelled Sentences, examples/amazon-sentences.txt). */
  static final String SENTENCE =
      "So there is no way for me to plug it in here in the US unless I go by a converter.";
  /** Its words, counted by hand. */
  static final int SENTENCE_WORDS = 21;
  static final Set<String> KINDS = Set.of("kept", "replaced", "oov", "unprotected", "entity");
  static final Path SHOTS = Path.of("target", "playground-screenshots");

  @TempDir static Path openDir;
  @TempDir static Path authDir;
  static DxRewriteServer open;
  static DxRewriteServer withAuth;
  static WebDriver driver;
  static final List<String> timings = new ArrayList<>();

  @BeforeAll
  static void start() throws Exception {
    Files.createDirectories(SHOTS);
    open = DxRewriteServer.start(ServerConfig.load(null, Map.of(), Map.of("port", "0",
        "ledger", openDir.resolve("ledger.log").toString(), "workers", "2")));
    withAuth = DxRewriteServer.start(TestServers.config(authDir, Map.of()));
    open.loaded().await(180, TimeUnit.SECONDS);
    withAuth.loaded().await(180, TimeUnit.SECONDS);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("dxrewrite.chromium", "/usr/bin/chromium"));
    options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
        "--disable-gpu", "--window-size=1280,2000", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        // no name resolves but the test server's: a resource from anywhere else fails to load
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(new File(System.getProperty("dxrewrite.chromedriver",
            "/usr/bin/chromedriver")))
        .usingAnyFreePort().build();
    driver = new ChromeDriver(service, options);
    String version = String.valueOf(((ChromeDriver) driver).getCapabilities().getBrowserVersion());
    timings.add("browser: Chromium " + version);
    System.out.println("[playground-browser] Chromium " + version);
  }

  @AfterAll
  static void stop() throws IOException {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      open.close();
      withAuth.close();
      Files.write(SHOTS.resolve("timings.txt"), timings);
    }
  }

  @Test
  @Order(1)
  void loadsWithEveryResourceFromTheServerAndNoKeyFieldWhenAuthIsOff() {
    long t = System.nanoTime();
    driver.get(origin(open) + "/");
    waitFor(d -> new Select(d.findElement(By.id("mechanism"))).getOptions().size() > 0);
    assertThat(driver.getTitle()).isEqualTo("dx-rewrite privacy playground");
    assertThat(driver.findElement(By.id("auth")).isDisplayed()).isFalse();
    assertThat(driver.findElement(By.id("chart-status")).getText()).contains("calibrating");
    List<String> names = new ArrayList<>();
    for (WebElement o : new Select(driver.findElement(By.id("mechanism"))).getOptions()) {
      names.add(o.getAttribute("value"));
    }
    assertThat(names).contains("cmp", "mahalanobis", "vickrey", "tem");
    @SuppressWarnings("unchecked")
    List<String> resources = (List<String>) js("return performance.getEntriesByType('resource')"
        + ".map(e => e.name).concat([location.href]);");
    assertThat(resources).isNotEmpty()
        .allSatisfy(url -> assertThat(url).startsWith(origin(open) + "/"));
    assertThat(resources).anySatisfy(u -> assertThat(u).endsWith("/playground/app.js"));
    // every control has a label, so the page is usable by keyboard and screen reader
    assertThat(js("return [...document.querySelectorAll('input, select, textarea')]"
        + ".filter(e => !e.labels || e.labels.length === 0).map(e => e.id);"))
        .asList().isEmpty();
    assertThat(js("return document.querySelectorAll('script:not([src])').length;"))
        .isEqualTo(0L);
    shot("01-loaded");
    step("load page", t);
  }

  @Test
  @Order(2)
  void eachMechanismShowsItsOwnParametersAndRewrites() {
    long t = System.nanoTime();
    Map<String, List<String>> own = Map.of("cmp", List.of(), "mahalanobis", List.of("lambda"),
        "vickrey", List.of("lambda", "t"), "tem", List.of("beta"));
    setText(SENTENCE);
    new Select(driver.findElement(By.id("columns"))).selectByValue("1");
    for (Map.Entry<String, List<String>> e : own.entrySet()) {
      new Select(driver.findElement(By.id("mechanism"))).selectByValue(e.getKey());
      for (String p : List.of("lambda", "t", "beta")) {
        assertThat(driver.findElements(By.id("parameter-" + p))).as(e.getKey() + " " + p)
            .hasSize(e.getValue().contains(p) ? 1 : 0);
      }
      assertThat(driver.findElement(By.id("mechanism-description")).getText()).isNotBlank();
      setValue("setting-value-1", "10");
      rewriteAndWait(1);
      assertThat(driver.findElement(By.cssSelector("#result-1 h3")).getText())
          .startsWith(e.getKey() + ", epsilon 10");
      assertThat(wordSpans(1)).hasSize(SENTENCE_WORDS);
      shot("02-mechanism-" + e.getKey());
    }
    step("each mechanism (4 rewrites)", t);
  }

  @Test
  @Order(3)
  void twoSettingsSideBySideWithTheLegendClasses() {
    long t = System.nanoTime();
    new Select(driver.findElement(By.id("mechanism"))).selectByValue("cmp");
    new Select(driver.findElement(By.id("columns"))).selectByValue("2");
    setText(SENTENCE);
    setValue("setting-value-1", "1");
    setValue("setting-value-2", "1000");
    rewriteAndWait(2);
    List<WebElement> low = wordSpans(1);
    List<WebElement> high = wordSpans(2);
    assertThat(low).hasSize(SENTENCE_WORDS);
    assertThat(high).hasSize(SENTENCE_WORDS);
    for (WebElement w : concat(low, high)) {
      List<String> classes = List.of(w.getAttribute("class").split(" "));
      assertThat(classes).contains("word");
      assertThat(classes.stream().filter(KINDS::contains).count()).isEqualTo(1);
    }
    // epsilon 1 on 100-dimensional GloVe: noise radius ~100 against neighbour gaps of a few units,
    // so words are replaced; epsilon 1000: radius ~0.1, so every word in the vocabulary comes back.
    // Being out of the vocabulary is a property of the input word: the same words in both.
    assertThat(low).anySatisfy(w -> assertThat(w.getAttribute("class")).contains("replaced"));
    int oov = 0;
    for (int i = 0; i < SENTENCE_WORDS; i++) {
      String lowClass = low.get(i).getAttribute("class");
      String highClass = high.get(i).getAttribute("class");
      assertThat(highClass).as("word %d", i).isIn("word kept", "word oov");
      assertThat(lowClass.equals("word oov")).as("word %d", i).isEqualTo(highClass.equals("word oov"));
      oov += highClass.equals("word oov") ? 1 : 0;
    }
    assertThat(oov).isLessThan(SENTENCE_WORDS / 2);
    assertThat(driver.findElement(By.cssSelector("#result-2 .report")).getText())
        .contains(oov + " word" + (oov == 1 ? "" : "s") + " out of vocabulary perturbed from the UNK");
    assertThat(driver.findElement(By.cssSelector("#result-1 .report")).getText())
        .contains("protected at epsilon 1 ").contains("casing not released");
    assertThat(driver.findElement(By.cssSelector("#result-2 .report")).getText())
        .contains("protected at epsilon 1,000");
    assertThat(driver.findElement(By.id("budget")).getText())
        .startsWith("Budget of tenant anonymous: epsilon");
    for (String kind : KINDS) {
      assertThat(driver.findElements(By.cssSelector("#legend .word." + kind))).hasSize(1);
    }
    shot("03-two-settings");
    step("two settings side by side", t);
  }

  @Test
  @Order(4)
  void markupInTheTextIsShownLiterallyAndNeverRuns() {
    long t = System.nanoTime();
    new Select(driver.findElement(By.id("columns"))).selectByValue("1");
    String attack = "<img src=x onerror=alert(1)> and <script>alert(2)</script>";
    setText(attack);
    setValue("setting-value-1", "1000");
    rewriteAndWait(1);
    assertThatThrownBy(() -> driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    String out = driver.findElement(By.cssSelector("#result-1 .output")).getText();
    // the words may change (out-of-vocabulary ones do), the markup characters are kept verbatim
    assertThat(out).matches("<\\w+ \\w+=\\w+ \\w+=\\w+\\(\\w+\\)> \\w+ <\\w+>\\w+\\(\\w+\\)</\\w+>");
    assertThat(driver.findElements(By.cssSelector("#results img, #results script"))).isEmpty();
    assertThat(driver.findElement(By.id("text")).getAttribute("value")).isEqualTo(attack);
    shot("04-markup-literal");
    step("markup shown literally, no dialog", t);
  }

  @Test
  @Order(5)
  void theChartShowsTheCurveOnceCalibrated() {
    long t = System.nanoTime();
    new Select(driver.findElement(By.id("mechanism"))).selectByValue("cmp");
    new WebDriverWait(driver, Duration.ofSeconds(240)).until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector("#chart svg polyline.curve")));
    assertThat(driver.findElements(By.cssSelector("#chart svg circle.point"))).hasSize(11);
    assertThat(driver.findElement(By.id("chart-status")).getText()).startsWith("Median N_w of cmp");
    js("document.getElementById('chart-heading').scrollIntoView();");
    shot("05-chart");
    step("N_w chart ready", t);
  }

  @Test
  @Order(6)
  void readableAt320PixelsWithoutSideways() {
    long t = System.nanoTime();
    driver.manage().window().setSize(new Dimension(320, 1400));
    long width = (Long) js("return document.documentElement.clientWidth;");
    long scroll = (Long) js("return document.documentElement.scrollWidth;");
    assertThat(scroll).isLessThanOrEqualTo(width);
    shot("06-320px");
    driver.manage().window().setSize(new Dimension(1280, 2000));
    step("320 px layout", t);
  }

  @Test
  @Order(7)
  void theCspHeaderIsStrict() {
    long t = System.nanoTime();
    HttpResponse<String> page =
        TestServers.send(TestServers.client(), TestServers.get(open.port(), "/", null));
    assertThat(page.headers().firstValue("Content-Security-Policy"))
        .contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
    assertThat(SecurityHeaders.CONTENT_SECURITY_POLICY).contains("script-src 'self';")
        .doesNotContain("unsafe-inline", "unsafe-eval", "*", "data:");
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("Referrer-Policy")).contains("no-referrer");
    step("CSP header", t);
  }

  @Test
  @Order(8)
  void withAuthOnAWrongKeyShowsAnErrorAndTheRightKeyWorks() {
    long t = System.nanoTime();
    driver.get(origin(withAuth) + "/playground");
    WebElement auth = driver.findElement(By.id("auth"));
    waitFor(d -> auth.isDisplayed());
    assertThat(driver.findElement(By.id("rewrite")).isEnabled()).isFalse();
    driver.findElement(By.id("api-key")).sendKeys("wrong-key-0123456789abcdef");
    driver.findElement(By.id("use-key")).click();
    WebElement status = driver.findElement(By.id("auth-status"));
    waitFor(d -> status.getText().contains("not accepted"));
    assertThat(status.getAttribute("class")).contains("error");
    assertThat(status.isDisplayed()).isTrue();
    assertThat(driver.findElement(By.id("rewrite")).isEnabled()).isFalse();
    shot("07-auth-wrong-key");

    driver.findElement(By.id("api-key")).sendKeys(ACME_KEY);
    driver.findElement(By.id("api-key")).sendKeys(org.openqa.selenium.Keys.ENTER);
    waitFor(d -> status.getText().contains("Key accepted"));
    waitFor(d -> new Select(d.findElement(By.id("mechanism"))).getOptions().size() > 0);
    assertThat(js("return sessionStorage.getItem('dx-rewrite-api-key');")).isEqualTo(ACME_KEY);
    assertThat(js("return localStorage.length;")).isEqualTo(0L);
    assertThat(driver.findElement(By.id("api-key")).getAttribute("value")).isEmpty();
    new Select(driver.findElement(By.id("columns"))).selectByValue("1");
    setText(SENTENCE);
    setValue("setting-value-1", "10");
    rewriteAndWait(1);
    assertThat(wordSpans(1)).hasSize(SENTENCE_WORDS);
    waitFor(d -> d.findElement(By.id("budget")).getText().startsWith("Budget of tenant acme"));
    shot("08-auth-right-key");
    step("auth: wrong key then right key", t);
  }

  // --- helpers

  static String origin(DxRewriteServer server) {
    return "http://127.0.0.1:" + server.port();
  }

  static Object js(String script) {
    return ((JavascriptExecutor) driver).executeScript(script);
  }

  static void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
    new WebDriverWait(driver, Duration.ofSeconds(60)).until(condition::apply);
  }

  static void setText(String text) {
    WebElement box = driver.findElement(By.id("text"));
    box.clear();
    box.sendKeys(text);
  }

  static void setValue(String id, String value) {
    WebElement input = driver.findElement(By.id(id));
    input.clear();
    input.sendKeys(value);
  }

  /** Clicks Rewrite and waits until every setting's box shows an output or an error. */
  static void rewriteAndWait(int settings) {
    driver.findElement(By.id("rewrite")).click();
    waitFor(d -> d.findElement(By.id("form-status")).getText().equals("Done.")
        && d.findElements(By.cssSelector("#results .result")).size() == settings);
    assertThat(driver.findElements(By.cssSelector("#results .error"))).isEmpty();
    assertThat(driver.findElements(By.cssSelector("#results .output"))).hasSize(settings);
  }

  static List<WebElement> wordSpans(int setting) {
    return driver.findElements(By.cssSelector("#result-" + setting + " .output span.word"));
  }

  static List<WebElement> concat(List<WebElement> a, List<WebElement> b) {
    List<WebElement> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  static void shot(String name) {
    File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
    try {
      Files.copy(png.toPath(), SHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static void step(String name, long startNanos) {
    String line = String.format(java.util.Locale.ROOT, "%-36s %8.1f ms", name,
        (System.nanoTime() - startNanos) / 1e6);
    timings.add(line);
    System.out.println("[playground-browser] " + line);
  }
}
