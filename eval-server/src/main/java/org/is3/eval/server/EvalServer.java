package org.is3.eval.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.eval.store.AlreadyExistsException;
import org.is3.eval.store.NoOpenPhaseException;
import org.is3.eval.store.NotFoundException;
import org.is3.eval.store.QuotaExceededException;
import org.is3.eval.web.ApiDocs;
import org.is3.eval.web.ApiRoutes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The eval server: teams upload heatmaps, scoring workers (see the worker package) score them,
 * everyone sees the leaderboards. Every route is declared here, on the documented paths of
 * {@link ApiRoutes}; errors are JSON {@code {"error": "…"}} naming what is wrong.
 */
public final class EvalServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EvalServer.class);

    /**
     * @param home             is3 home; uploads go to {@code <home>/submissions}
     * @param maxUploadBytes   the largest accepted upload (default 2 GiB); it is streamed to disk
     * @param validationThreads threads that read an upload once at intake
     */
    public record Config(String host, int port, Path home, long maxUploadBytes, int validationThreads) {
        public static final long DEFAULT_MAX_UPLOAD = 2L << 30;

        public Path submissions() {
            return home.resolve("submissions");
        }
    }

    private final Javalin app;
    private final DataSource dataSource;
    private final Instant started = Instant.now();

    private EvalServer(Config config, DataSource dataSource, Runnable wakeWorkers) {
        this.dataSource = dataSource;
        EvalStore store = new EvalStore(dataSource);
        SubmissionRoutes submissions = new SubmissionRoutes(store, new TeamAuth(store.tokens()), config.submissions(),
                config.validationThreads(), wakeWorkers);
        LeaderboardRoutes leaderboards = new LeaderboardRoutes(store);
        Path uploadCache = createDirectories(config.home().resolve("tmp/uploads"));
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.jetty.multipartConfig.cacheDirectory(uploadCache.toString());
            c.jetty.multipartConfig.maxFileSize(config.maxUploadBytes(), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(config.maxUploadBytes() + (1 << 20), io.javalin.config.SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1, io.javalin.config.SizeUnit.MB);
            ApiDocs.install(c);
        })
                .get(ApiRoutes.HEALTH, this::health)
                .post(ApiRoutes.SUBMISSIONS, submissions::upload)
                .get(ApiRoutes.SUBMISSION, submissions::status)
                .get(ApiRoutes.MY_SUBMISSIONS, submissions::mine)
                .post(ApiRoutes.RERUN, submissions::rerun)
                .put(ApiRoutes.BASELINE, submissions::baseline)
                .get(ApiRoutes.LEADERBOARD, leaderboards::json)
                .get(ApiRoutes.LEADERBOARD_CSV, leaderboards::csv)
                .get(ApiRoutes.INDEX_PAGE, leaderboards::index)
                .get(ApiRoutes.BENCHMARK_PAGE, leaderboards::page);
        errors();
    }

    /** Starts the server; {@code wakeWorkers} is told whenever a submission was queued. */
    public static EvalServer start(Config config, DataSource dataSource, Runnable wakeWorkers) {
        createDirectories(config.submissions());
        EvalServer server = new EvalServer(config, dataSource, wakeWorkers);
        server.app.start(config.host(), config.port());
        return server;
    }

    public int port() {
        return app.port();
    }

    private void errors() {
        app.exception(Unauthorized.class, (e, ctx) -> error(ctx, HttpStatus.UNAUTHORIZED, e.getMessage()));
        app.exception(Forbidden.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> error(ctx, HttpStatus.NOT_FOUND, e.getMessage()));
        app.exception(NoOpenPhaseException.class, (e, ctx) -> error(ctx, HttpStatus.FORBIDDEN, e.getMessage()));
        app.exception(AlreadyExistsException.class, (e, ctx) -> error(ctx, HttpStatus.CONFLICT, e.getMessage()));
        app.exception(QuotaExceededException.class, (e, ctx) -> {
            e.resetsAt().ifPresent(t -> ctx.header("Retry-After",
                    Long.toString(Math.max(1, t.getEpochSecond() - Instant.now().getEpochSecond()))));
            error(ctx, HttpStatus.TOO_MANY_REQUESTS, e.getMessage());
        });
        app.exception(InputException.class, (e, ctx) -> error(ctx, HttpStatus.BAD_REQUEST, e.getMessage()));
        app.exception(IllegalStateException.class, (e, ctx) -> {
            // Jetty's multipart parser refuses a part over the configured size this way
            if (String.valueOf(e.getMessage()).toLowerCase().contains("exceeds")) {
                error(ctx, HttpStatus.CONTENT_TOO_LARGE, "upload too large: " + e.getMessage());
            } else {
                LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
                error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
            }
        });
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, HttpStatus.INTERNAL_SERVER_ERROR, "internal error; the server log has the details");
        });
    }

    private static void error(Context ctx, HttpStatus status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    private void health(Context ctx) {
        boolean db = databaseAnswers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "degraded");
        body.put("service", "eval-server");
        body.put("database", db ? "up" : "down");
        body.put("started", started.toString());
        ctx.status(db ? 200 : 503).json(body);
    }

    private boolean databaseAnswers() {
        try (Connection c = dataSource.getConnection()) {
            return c.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static Path createDirectories(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    @Override
    public void close() {
        app.stop();
    }
}
