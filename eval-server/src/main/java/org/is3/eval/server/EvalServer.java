package org.is3.eval.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The eval server's HTTP face. This foundation holds only its health endpoint; submissions,
 * scoring workers and the leaderboard are added by the eval-server issue.
 *
 * <p>Routes: {@code GET /health}.
 */
public final class EvalServer implements AutoCloseable {
    private final Javalin app;
    private final BooleanSupplier databaseUp;
    private final Instant started = Instant.now();

    private EvalServer(BooleanSupplier databaseUp) {
        this.databaseUp = databaseUp;
        this.app = Javalin.create(config -> config.showJavalinBanner = false)
                .get("/health", this::health);
    }

    /**
     * Starts on {@code host:port} (port 0 picks a free one).
     *
     * @param databaseUp answers whether the database answers a trivial query
     */
    public static EvalServer start(String host, int port, BooleanSupplier databaseUp) {
        EvalServer server = new EvalServer(databaseUp);
        server.app.start(host, port);
        return server;
    }

    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        boolean db = databaseUp.getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "degraded");
        body.put("service", "eval-server");
        body.put("database", db ? "up" : "down");
        body.put("started", started.toString());
        ctx.status(db ? 200 : 503).json(body);
    }

    @Override
    public void close() {
        app.stop();
    }
}
