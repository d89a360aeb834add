package org.is3.eval.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Base of the browser tests: one headless Debian chromium per test class, driven through
 * {@code /usr/bin/chromedriver}, that can reach only 127.0.0.1 and localhost.
 *
 * <p>The driver path is set programmatically ({@code webdriver.chrome.driver}) unless given, so
 * Selenium Manager never runs (it would download drivers and send usage statistics). Every other
 * host name resolves to nothing ({@code --host-resolver-rules}), and the DevTools performance log
 * lets a test list every URL the page requested ({@link #requestedUrls()}).
 *
 * <p>Missing chromium or chromedriver fails the test, with the command that installs them; CI
 * ({@code .ci/run}) installs them before the tests.
 */
public abstract class BrowserTest {
    protected static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    protected static final String CHROMIUM = "/usr/bin/chromium";
    private static final String INSTALL = "apt-get update && apt-get -o DPkg::Lock::Timeout=600 install -y "
            + "chromium chromium-driver";
    private static final ObjectMapper JSON = new ObjectMapper();
    // Selenium looks up DevTools bindings for the browser's version even when no test uses them,
    // and warns when Debian's chromium is newer than its newest binding: noise, not a fault. Held
    // here because java.util.logging keeps loggers only weakly, and with them their level.
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    protected static WebDriver browser;
    private static Path profile;

    @BeforeAll
    static void startBrowser() throws IOException {
        String driverPath = System.getProperty("webdriver.chrome.driver");
        if (driverPath == null || driverPath.isBlank()) {
            driverPath = CHROMEDRIVER;
            System.setProperty("webdriver.chrome.driver", driverPath);
        }
        if (!Files.isExecutable(Path.of(driverPath))) {
            fail("browser tests need chromedriver at " + driverPath + " and chromium at " + CHROMIUM
                    + "; install them with: " + INSTALL + " (.ci/run does this before the tests)");
        }
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            fail("browser tests need chromium at " + CHROMIUM + "; install it with: " + INSTALL);
        }
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
        profile = Files.createTempDirectory("is3-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--disable-quic", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.PERFORMANCE, Level.ALL);
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        requestedUrls(); // the start-up tab's own chrome:// resources are not the tests' business
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        try {
            if (browser != null) {
                browser.quit();
            }
        } finally {
            browser = null;
            deleteProfile();
        }
    }

    private static void deleteProfile() throws IOException {
        if (profile == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        profile = null;
    }

    /** Every URL the browser requested since the last call (DevTools Network.requestWillBeSent). */
    protected static List<String> requestedUrls() throws IOException {
        List<String> urls = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.PERFORMANCE)) {
            JsonNode message = JSON.readTree(e.getMessage()).path("message");
            if (message.path("method").asText().equals("Network.requestWillBeSent")) {
                urls.add(message.path("params").path("request").path("url").asText());
            }
        }
        return urls;
    }

    /** The console messages since the last call (CSP violations and script errors show here). */
    protected static List<String> consoleMessages() {
        List<String> messages = new ArrayList<>();
        for (LogEntry e : browser.manage().logs().get(LogType.BROWSER)) {
            messages.add(e.getLevel() + " " + e.getMessage());
        }
        return messages;
    }

    /**
     * Asserts that every network request since the last call went to {@code origin}, and returns
     * them all. URLs that never touch the network (chrome:, data:, blob:, about:) are allowed.
     */
    protected static List<String> assertOnlyRequested(String origin) throws IOException {
        List<String> urls = requestedUrls();
        assertTrue(urls.stream().anyMatch(u -> u.startsWith(origin + "/")),
                "the performance log recorded no request to " + origin + ": " + urls);
        for (String url : urls) {
            String scheme = url.contains(":") ? url.substring(0, url.indexOf(':')).toLowerCase(Locale.ROOT) : "";
            boolean network = List.of("http", "https", "ws", "wss", "ftp").contains(scheme);
            assertTrue(!network || url.startsWith(origin + "/"), "a request left " + origin + ": " + url
                    + " (all: " + urls + ")");
        }
        return urls;
    }
}
