package io.awstutor.web;

import io.awstutor.testing.ExternalTools;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;

/**
 * A real browser for the web pages' tests: Debian's headless Chromium, driven through its own
 * chromedriver by Selenium (given the driver's path, so Selenium Manager never downloads
 * anything). Missing browser: the test skips saying so, or fails under {@code CI=true}.
 * Screenshots go to {@code target/screenshots/NAME.png} for a person to look at.
 */
public final class Browser implements AutoCloseable {
    private static final Path SHOTS = Paths.get("target", "screenshots");
    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    public static Browser open() {
        return open(1280, 800);
    }

    public static Browser open(int width, int height) {
        Optional<Path> chromium = ExternalTools.find("chromium").or(() -> ExternalTools.find("chromium-browser"));
        Optional<Path> chromedriver = ExternalTools.find("chromedriver");
        ExternalTools.require(chromium.isPresent() && chromedriver.isPresent(),
                "Chromium and its chromedriver (Debian packages chromium, chromium-driver)");
        try {
            Path profile = Files.createTempDirectory("awstutor-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(chromium.get().toFile());
            // the machine has no network beyond the loopback: no background fetches, no first-run UI
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                    "--disable-sync", "--disable-extensions", "--user-data-dir=" + profile,
                    "--window-size=" + width + "," + height);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().window().setSize(new Dimension(width, height));
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Browser get(String url) {
        driver.get(url);
        return this;
    }

    public WebDriver driver() {
        return driver;
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    public String text(String css) {
        return find(css).getText();
    }

    /** Waits (up to {@code seconds}) until {@code condition} holds, failing with {@code what} otherwise. */
    public <T> T waitFor(int seconds, String what, Function<WebDriver, T> condition) {
        // a live region replaced between finding an element and reading it: read it again.
        // Chromium 156 reports an element of the page a form's submit is replacing as an
        // inspector error ("Node with given id does not belong to the document") rather than
        // as stale: the same race, read again too.
        Function<WebDriver, T> rereadOnReplacedPage = d -> {
            try {
                return condition.apply(d);
            } catch (org.openqa.selenium.WebDriverException e) {
                if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
                    return null;
                }
                throw e;
            }
        };
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class).until(rereadOnReplacedPage);
    }

    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    public Path screenshot(String name) {
        try {
            Files.createDirectories(SHOTS);
            Path target = SHOTS.resolve(name + ".png");
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Files.copy(shot.toPath(), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a leftover profile folder in /tmp is harmless
            }
        }
    }
}
