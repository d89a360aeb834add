package org.is3.eval.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import org.is3.core.InputException;
import org.is3.eval.web.BrowserTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;

/**
 * The leaderboard page in a real chromium, served by a real Javalin server the way the eval
 * server serves it (with its Content-Security-Policy), and once without the policy so that the
 * escaping alone is what keeps the script-named method inert.
 */
class LeaderboardBrowserTest extends BrowserTest {
    private static final Leaderboard BOARD = SampleEntries.board();
    private static Javalin server;
    private static String origin;

    @BeforeAll
    static void serve() {
        server = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/benchmarks/{benchmark}", ctx -> page(ctx, true))
                .get("/without-csp/benchmarks/{benchmark}", ctx -> page(ctx, false))
                .exception(InputException.class, (e, ctx) -> ctx.status(400).result(e.getMessage()))
                .start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + server.port();
    }

    private static void page(Context ctx, boolean csp) {
        LeaderboardView view = LeaderboardView.parse(BOARD, ctx.queryParam("sort"), ctx.queryParam("order"),
                ctx.queryParams("compare"), List.of("dev", "test"));
        if (csp) {
            ctx.header("Content-Security-Policy", LeaderboardPage.CONTENT_SECURITY_POLICY);
        }
        ctx.html(LeaderboardPage.render(BOARD, view));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    private static List<String> rowIds() {
        return browser.findElements(By.cssSelector("#leaderboard tbody tr")).stream()
                .map(r -> r.getAttribute("id")).toList();
    }

    @Test
    void showsTheScoredEntriesAndSortsByAClickedHeader() throws Exception {
        browser.get(origin + "/benchmarks/is3");
        assertEquals("is3 · test · is3 leaderboard", browser.getTitle());
        WebElement scored = browser.findElement(By.id("entry-7"));
        assertEquals("EZ-VSL + OGL", scored.findElement(By.cssSelector(".name")).getText());
        assertEquals("61.25", scored.findElements(By.cssSelector("td.num")).get(0).getText());
        WebElement baseline = browser.findElement(By.cssSelector("tr.baseline .badge.baseline"));
        assertTrue(baseline.isDisplayed());
        assertEquals("baseline", baseline.getText());
        assertEquals("entry-1", browser.findElement(By.cssSelector("tr.baseline")).getAttribute("id"));
        assertEquals(List.of("entry-7", "entry-2", "entry-4", "entry-5", "entry-1"), rowIds());

        String url = browser.getCurrentUrl();
        WebElement aucAdap = browser.findElement(By.cssSelector("th[data-col=auc_adap]"));
        aucAdap.findElement(By.tagName("a")).click();
        assertEquals(List.of("entry-2", "entry-7", "entry-4", "entry-5", "entry-1"), rowIds());
        assertEquals("descending", aucAdap.getAttribute("aria-sort"));
        assertEquals(null, browser.findElement(By.cssSelector("th[data-col=ciou]")).getAttribute("aria-sort"));
        assertEquals(url, browser.getCurrentUrl(), "sorted in place by the page's script, under its CSP");
        aucAdap.findElement(By.tagName("a")).click();
        assertEquals(List.of("entry-1", "entry-5", "entry-4", "entry-7", "entry-2"), rowIds());
        assertEquals("ascending", aucAdap.getAttribute("aria-sort"));

        for (String message : consoleMessages()) {
            assertFalse(message.contains("Content Security Policy"), message);
        }
        assertOnlyRequested(origin);
    }

    @Test
    void aScriptInAMethodNameIsShownAsTextAndNeverRuns() throws Exception {
        browser.get(origin + "/without-csp/benchmarks/is3");
        assertEquals(SampleEntries.SCRIPT_METHOD, browser.findElement(By.cssSelector("#entry-2 .name")).getText());
        assertThrows(NoAlertPresentException.class, () -> browser.switchTo().alert());
        assertEquals(1L, ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.scripts.length;"), "only the page's own script element");
        assertEquals("Lab \"A\" & Co", browser.findElement(By.cssSelector("#entry-7 .team")).getText());
        assertEquals("code: javascript:alert(2)", browser.findElement(By.cssSelector("#entry-7 .unlinked")).getText());
        assertEquals(1, browser.findElements(By.cssSelector("#entry-7 a")).size(), "only the https paper link");
        assertOnlyRequested(origin);
    }

    @Test
    void curvesArePlottedAndTheComparisonFollowsTheCheckboxes() throws Exception {
        browser.get(origin + "/benchmarks/is3");
        assertEquals(5, browser.findElements(By.cssSelector("#leaderboard svg.spark path.line")).size());
        List<WebElement> series = browser.findElements(By.cssSelector("#chart-ciou path.series"));
        assertEquals(5, series.size());
        WebElement line7 = browser.findElement(By.cssSelector("#chart-ciou path.series[data-id='7']"));
        assertTrue(line7.isDisplayed());
        assertTrue(line7.getAttribute("d").startsWith("M0,0 L20,0"), line7.getAttribute("d"));

        browser.findElement(By.cssSelector("input[name=compare][value='7']")).click();
        assertFalse(line7.isDisplayed(), "unticked: hidden");
        assertFalse(browser.findElement(By.cssSelector("#chart-ciou-adap path.series[data-id='7']")).isDisplayed());
        browser.findElement(By.cssSelector("input[name=compare][value='7']")).click();
        assertTrue(line7.isDisplayed());

        // without script, the form asks the server for the ticked entries
        browser.get(origin + "/benchmarks/is3?compare=4");
        assertTrue(browser.findElement(By.cssSelector("#chart-ciou path.series[data-id='4']")).isDisplayed());
        assertFalse(browser.findElement(By.cssSelector("#chart-ciou path.series[data-id='7']")).isDisplayed());
        assertOnlyRequested(origin);
    }
}
