package org.is3.annotator.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Credentials;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;

/**
 * Test setup against a real database: a pipeline run with shapes-world images as the pipeline
 * would leave them (PNG under the home, a pipeline_image row), accounts with tokens, and a small
 * JSON client for the API.
 */
final class Fixture {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String PASSWORD = "correct horse battery";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private Fixture() {
    }

    /** A response: status and parsed JSON (null when there is no body). */
    record Reply(int status, JsonNode json, HttpResponse<String> raw) {
        String error() {
            return json == null ? raw.body() : json.path("error").asText();
        }
    }

    /** A caller: a token, or a session cookie with its CSRF token. */
    record Client(String base, String token, String cookie, String csrf) {
        Reply get(String path) {
            return send(request(path).GET());
        }

        Reply post(String path, Object body) {
            String text;
            try {
                text = body instanceof String s ? s : JSON.writeValueAsString(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return send(request(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(text)));
        }

        HttpRequest.Builder request(String path) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
            if (token != null) {
                b.header("Authorization", "Bearer " + token);
            }
            if (cookie != null) {
                b.header("Cookie", RequestAuth.COOKIE + "=" + cookie);
            }
            if (csrf != null) {
                b.header(RequestAuth.CSRF_HEADER, csrf);
            }
            return b;
        }

        Reply send(HttpRequest.Builder b) {
            try {
                HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
                JsonNode json = r.body().isEmpty() || !r.headers().firstValue("Content-Type").orElse("").contains("json")
                        ? null : JSON.readTree(r.body());
                return new Reply(r.statusCode(), json, r);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Client client(String base, DataSource ds, String name, Role role) {
        Account a = new Accounts(ds, new Passwords(4)).create(name, role, PASSWORD);
        return new Client(base, new Credentials(ds).issueToken(a), null, null);
    }

    static Client anonymous(String base) {
        return new Client(base, null, null, null);
    }

    /** Scenes of the shapes world rendered into a run's PNGs and pipeline_image rows in {@code state}. */
    static List<WorldScene> images(DataSource ds, Path home, String run, int n, int size, String state)
            throws SQLException, IOException {
        long seed = run.hashCode();
        ShapesWorld world = ShapesWorld.of(10, seed).withSize(size, size);
        List<WorldScene> scenes = new ArrayList<>();
        try (Connection c = ds.getConnection()) {
            long runId;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_run (name, config, seed) VALUES (?, '', 1)"
                    + " RETURNING id")) {
                s.setString(1, run);
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    runId = r.getLong(1);
                }
            }
            Path dir = Files.createDirectories(home.resolve("runs").resolve(run).resolve("images"));
            for (int i = 0; i < n; i++) {
                WorldScene ws = world.scene(i, seed);
                Path png = dir.resolve(ws.base() + ".png");
                if (i < 45) {
                    ImageIO.write(ws.scene().image(), "png", png.toFile());
                } else {
                    Files.copy(dir.resolve(scenes.get(i % 45).base() + ".png"), png);
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO pipeline_image (run_id, base, c1, c2, prompt,"
                        + " seed, state, generator, image_path) VALUES (?, ?, ?, ?, ?, ?, ?, 'shapes', ?)")) {
                    s.setLong(1, runId);
                    s.setString(2, ws.base());
                    s.setString(3, ws.scene().a().category().name());
                    s.setString(4, ws.scene().b().category().name());
                    s.setString(5, "a photo of a " + ws.scene().a().category().name() + " and "
                            + ws.scene().b().category().name());
                    s.setLong(6, ws.seed());
                    s.setString(7, state);
                    s.setString(8, home.relativize(png).toString());
                    s.executeUpdate();
                }
                scenes.add(ws);
            }
        }
        return scenes;
    }

    static String scalar(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }

    static int update(DataSource ds, String sql, Object... params) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            return s.executeUpdate();
        }
    }
}
