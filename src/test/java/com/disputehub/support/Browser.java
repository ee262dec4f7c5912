package com.disputehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium, headless, driven through Debian's chromedriver (never a downloaded browser). When either is
 * missing, {@code .ci/install-browser} installs them first. Each browser has a fresh profile; screenshots go to
 * {@code target/browser-screenshots}, kept as the run's artifacts.
 */
public final class Browser implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");

    private final ChromeDriver driver;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /** A browser whose preferred language is {@code acceptLanguages} (e.g. "es-ES,es"). */
    public static Browser start(String acceptLanguages) {
        ensureInstalled();
        try {
            Path profile = Files.createTempDirectory("disputehub-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(CHROMIUM.toFile());
            options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--disable-dev-shm-usage", "--window-size=1440,1000", "--user-data-dir=" + profile,
                    "--lang=" + acceptLanguages.split(",")[0]);
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", acceptLanguages));
            ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Signs in on the login page at {@code base}, as the test suite's admin, and lands on the inbox. */
    public Browser signIn(String base) {
        return signIn(base, "admin", Principals.ADMIN_PASSWORD);
    }

    /** Signs in as this person, signing out first whoever is signed in. */
    public Browser signIn(String base, String login, String password) {
        driver.get(base + "/inbox");
        if (!driver.findElements(By.id("sign-out")).isEmpty()) {
            load(driver.findElement(By.id("sign-out")));
        }
        driver.get(base + "/login");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        load(driver.findElement(By.id("sign-in")));
        if (driver.getCurrentUrl().contains("/login")) {
            throw new AssertionError("could not sign in: " + driver.getCurrentUrl());
        }
        return this;
    }

    /** Clicks something that loads a new page (a link, a form's button), and waits until the new page is there. */
    public void load(WebElement target) {
        WebElement before = driver.findElement(By.tagName("html"));
        target.click();
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
            try {
                before.isEnabled();
                return false;
            } catch (StaleElementReferenceException gone) {
                return true;
            }
        });
    }

    /** Saves what the page shows now as {@code target/browser-screenshots/<name>.png}. */
    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary profile harms nothing
        }
    }

    private static void ensureInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        try {
            Process install = new ProcessBuilder("bash", ".ci/install-browser").inheritIO().start();
            if (install.waitFor() != 0 || !Files.isExecutable(CHROMEDRIVER)) {
                throw new IllegalStateException("the browser tests need Debian's chromium and chromium-driver; "
                        + ".ci/install-browser could not install them (it needs root or password-less sudo)");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
