package org.is3.eval.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ApiDocsTest {
    private static Javalin app;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            ApiDocs.install(config);
        }).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        app.stop();
    }

    private static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theDocumentDescribesEveryRouteOfApiRoutes() throws Exception {
        HttpResponse<String> res = get(ApiDocs.SPEC_PATH);
        assertEquals(200, res.statusCode(), res.body());
        JsonNode spec = new ObjectMapper().readTree(res.body());
        assertTrue(spec.path("openapi").asText().startsWith("3."), res.body());
        assertEquals("is3 eval server", spec.path("info").path("title").asText());
        assertEquals("bearer", spec.path("components").path("securitySchemes").path("bearer").path("scheme").asText());
        List<String> routes = new ArrayList<>();
        for (Field f : ApiRoutes.class.getDeclaredFields()) {
            if (Modifier.isPublic(f.getModifiers()) && f.getType() == String.class) {
                routes.add((String) f.get(null));
            }
        }
        assertEquals(10, routes.size(), routes.toString());
        for (String route : routes) {
            assertTrue(spec.path("paths").has(route), "documented: " + route);
        }
        JsonNode submit = spec.path("paths").path(ApiRoutes.SUBMISSIONS).path("post");
        assertEquals("bearer", submit.path("security").get(0).fieldNames().next());
        assertTrue(submit.path("requestBody").path("content").path("multipart/form-data").path("schema")
                .path("properties").has("file"));
        assertTrue(submit.path("responses").has("201"));
        assertTrue(spec.path("paths").path(ApiRoutes.SUBMISSION).path("get").path("responses").path("200")
                .path("content").has("application/json"));
    }

    @Test
    void swaggerUiIsServedFromThisServerWithoutTheOnlineValidator() throws Exception {
        HttpResponse<String> ui = get(ApiDocs.UI_PATH);
        assertEquals(200, ui.statusCode());
        String html = ui.body();
        assertTrue(html.contains("validatorUrl: null"), html);
        assertFalse(html.contains("//"), "no absolute or protocol-relative URL in the page: " + html);
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(html);
        int assets = 0;
        while (m.find()) {
            String asset = m.group(1);
            assertTrue(asset.startsWith("/webjars/swagger-ui/"), asset);
            assertEquals(200, get(asset).statusCode(), asset);
            assets++;
        }
        assertTrue(assets >= 3, "bundle, preset, stylesheet: " + html);
    }
}
