package org.is3.annotator.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import org.is3.annotator.mask.MaskIou;
import org.is3.annotator.segment.ClickSimulator;
import org.is3.core.rle.CocoRle;
import org.is3.core.shapes.SceneObject;
import org.is3.core.shapes.WorldScene;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The whole human loop in headless Debian chromium (driven through /usr/bin/chromedriver, so
 * Selenium Manager never reaches for the network): an annotator signs in, approves an image with
 * the A key, clicks each object, gets GrabCut masks, accepts and submits; the database then holds
 * the masks as the pipeline contract says. Then an admin's statistics page shows a scripted
 * reject reason as text.
 */
class AnnotatorBrowserTest {
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    private static final int SIZE = 256;
    // Selenium warns when Debian's chromium is newer than its newest DevTools binding (unused here);
    // held so that java.util.logging keeps the level.
    private static final java.util.logging.Logger CDP_LOG =
            java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    @TempDir
    static Path home;
    static Database db;
    static AnnotatorService service;
    static WebDriver browser;
    static Path profile;

    @BeforeAll
    static void start() throws IOException {
        String driver = System.getProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Assumptions.assumeTrue(Files.isExecutable(Path.of(driver)) && Files.isExecutable(Path.of(CHROMIUM)),
                "browser test skipped: needs " + CHROMIUM + " and " + driver
                        + " (apt-get install -y chromium chromium-driver; CI installs them)");
        System.setProperty("webdriver.chrome.driver", driver);
        CDP_LOG.setLevel(java.util.logging.Level.SEVERE);
        db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        service = AnnotatorService.start(AnnotatorConfig.defaults().withPort(0).withBcryptCost(4)
                .withQuality(1, 0.8, 0, 0), db.dataSource(), home);
        profile = Files.createTempDirectory("is3-annotator-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--user-data-dir=" + profile,
                "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost",
                "--window-size=1400,1000", "--force-device-scale-factor=1");
        browser = new ChromeDriver(options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.close();
        }
        if (db != null) {
            db.close();
        }
        if (profile != null) {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Test
    void anAnnotatorApprovesClicksBothObjectsAndSubmitsAndTheDatabaseHoldsTheMasks() throws Exception {
        Accounts accounts = new Accounts(db.dataSource(), new Passwords(4));
        accounts.create("alice", Role.ANNOTATOR, Fixture.PASSWORD);
        accounts.create("root", Role.ADMIN, Fixture.PASSWORD);
        WorldScene scene = Fixture.images(db.dataSource(), home, "browser", 1, SIZE, "GENERATED").get(0);
        String base = "http://127.0.0.1:" + service.port();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get(base + "/");
        signIn(wait, "alice");
        wait.until(d -> d.findElement(By.id("verify-view")).isDisplayed());
        assertEquals(scene.scene().a().category().name(), browser.findElement(By.id("verify-c1")).getText());
        wait.until(d -> (Boolean) js("return document.getElementById('verify-image').naturalWidth === " + SIZE));
        new Actions(browser).sendKeys("a").perform();
        wait.until(d -> d.findElement(By.id("empty-view")).isDisplayed());
        assertEquals("APPROVED|alice", Fixture.scalar(db.dataSource(), "SELECT state || '|' || verified_by"
                + " FROM pipeline_image WHERE base = ?", scene.base()));

        browser.findElement(By.id("nav-annotate")).click();
        wait.until(d -> (Boolean) js("return document.getElementById('canvas').width === " + SIZE));
        clickObject(wait, scene.scene().a(), 0);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        clickObject(wait, scene.scene().b(), 1);
        new Actions(browser).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.findElement(By.id("submit")).isEnabled());
        browser.findElement(By.id("submit")).click();
        wait.until(d -> d.findElement(By.id("empty-view")).isDisplayed());

        assertEquals("ANNOTATED", Fixture.scalar(db.dataSource(), "SELECT state FROM pipeline_image WHERE base = ?",
                scene.base()));
        for (SceneObject o : new SceneObject[] {scene.scene().a(), scene.scene().b()}) {
            String rle = Fixture.scalar(db.dataSource(), "SELECT mask_rle FROM image_object WHERE base = ? AND category = ?"
                    + " AND source = 'annotator' AND accepted_by = 'alice'", scene.base(), o.category().name());
            double iou = MaskIou.of(CocoRle.parse(SIZE, SIZE, rle).decode(), o.mask());
            assertTrue(iou >= 0.9, o.category().name() + ": IoU " + iou + " of the submitted mask with the exact one");
        }
        assertEquals(Long.parseLong(Fixture.scalar(db.dataSource(), "SELECT count(*) FROM annot_submission")), 2L);

        rejectWithScriptedReason(base, scene);
        browser.findElement(By.id("logout")).click();
        wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
        signIn(wait, "root");
        wait.until(d -> d.findElement(By.id("nav-admin")).isDisplayed());
        browser.findElement(By.id("nav-admin")).click();
        wait.until(d -> d.findElement(By.id("rejections")).getText().contains("<script>"));
        assertTrue(browser.findElement(By.id("rejections")).getText().contains(SCRIPT), "the reason is shown as text");
        assertEquals(0L, js("return document.querySelectorAll('#rejections script').length"));
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
    }

    private static final String SCRIPT = "<script>alert('pwned')</script> blurry";

    private static void rejectWithScriptedReason(String base, WorldScene first) throws Exception {
        Fixture.images(db.dataSource(), home, "browser-reject", 1, SIZE, "GENERATED");
        Fixture.Client bob = Fixture.client(base, db.dataSource(), "bob", Role.ANNOTATOR);
        JsonNode t = bob.get(ApiPaths.NEXT + "?kind=verify").json();
        assertEquals(200, bob.post(ApiPaths.VERIFY.replace("{id}", t.get("id").asText()), Map.of("lease",
                t.get("lease").asText(), "decision", "reject", "reason", SCRIPT)).status());
        assertTrue(first != null);
    }

    private static void signIn(WebDriverWait wait, String name) {
        wait.until(d -> d.findElement(By.id("login-view")).isDisplayed());
        browser.findElement(By.id("login-name")).clear();
        browser.findElement(By.id("login-name")).sendKeys(name);
        browser.findElement(By.id("login-password")).sendKeys(Fixture.PASSWORD);
        browser.findElement(By.id("login-submit")).click();
        wait.until(d -> d.findElement(By.id("nav")).isDisplayed());
    }

    /**
     * Clicks like an annotator (the simulated protocol of the segmenter tests): first at the object's
     * most interior pixel, then at the largest error of the shown proposal (left click: missed
     * object, right click: spill), until the proposal is within IoU 0.9 of the exact mask.
     */
    private static void clickObject(WebDriverWait wait, SceneObject o, int index) {
        WebElement canvas = browser.findElement(By.id("canvas"));
        boolean[] shown = new boolean[SIZE * SIZE];
        for (int n = 1; n <= 6 && MaskIou.of(shown, o.mask()) < 0.9; n++) {
            org.is3.annotator.segment.Click c = ClickSimulator.nextClick(o.mask(), shown, SIZE, SIZE);
            // Selenium 4 offsets are from the element's centre; the canvas is shown at its pixel size.
            Actions a = new Actions(browser).moveToElement(canvas, c.x() - SIZE / 2, c.y() - SIZE / 2);
            (c.positive() ? a.click() : a.contextClick()).perform();
            int expected = n;
            wait.until(d -> ((Number) js("return ann.objects[" + index + "].proposals")).intValue() == expected);
            String counts = (String) js("return Rle.encode(ann.objects[" + index + "].mask, " + SIZE + ", " + SIZE + ")");
            shown = CocoRle.parse(SIZE, SIZE, counts).decode();
        }
        assertTrue(browser.findElement(By.id("latency")).getText().contains("ms"),
                browser.findElement(By.id("latency")).getText());
    }

    private static Object js(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }
}
