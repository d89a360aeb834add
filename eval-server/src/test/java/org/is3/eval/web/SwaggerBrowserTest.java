package org.is3.eval.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.javalin.Javalin;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Swagger UI renders the server's OpenAPI document in chromium without asking any other host. */
class SwaggerBrowserTest extends BrowserTest {
    private static Javalin server;
    private static String origin;

    @BeforeAll
    static void serve() {
        server = Javalin.create(config -> {
            config.showJavalinBanner = false;
            ApiDocs.install(config);
        }).start("127.0.0.1", 0);
        origin = "http://127.0.0.1:" + server.port();
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void rendersTheApiFromLocalAssetsOnly() throws Exception {
        browser.get(origin + ApiDocs.UI_PATH);
        List<WebElement> operations = new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.numberOfElementsToBeMoreThan(By.cssSelector(".opblock-summary-path"), 7));
        String paths = String.join(" ", operations.stream().map(WebElement::getText).toList());
        assertTrue(paths.contains("/api/v1/benchmarks/{benchmark}/submissions"), paths);
        assertTrue(paths.contains("/api/v1/teams/me/submissions"), paths);
        List<String> urls = assertOnlyRequested(origin);
        assertTrue(urls.stream().anyMatch(u -> u.startsWith(origin + ApiDocs.SPEC_PATH)),
                "the UI loaded the document: " + urls);
        assertTrue(urls.stream().anyMatch(u -> u.startsWith(origin + "/webjars/swagger-ui/")), urls.toString());
    }
}
