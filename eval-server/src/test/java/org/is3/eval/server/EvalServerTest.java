package org.is3.eval.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class EvalServerTest {

    @Test
    void healthReportsTheDatabaseOverRealHttp() throws Exception {
        AtomicBoolean db = new AtomicBoolean(true);
        try (EvalServer server = EvalServer.start("127.0.0.1", 0, db::get)) {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/health")).build();
            HttpResponse<String> up = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(200, up.statusCode());
            assertTrue(up.body().contains("\"status\":\"ok\""), up.body());

            db.set(false);
            HttpResponse<String> down = http.send(req, HttpResponse.BodyHandlers.ofString());
            assertEquals(503, down.statusCode());
            assertTrue(down.body().contains("\"database\":\"down\""), down.body());
        }
    }
}
