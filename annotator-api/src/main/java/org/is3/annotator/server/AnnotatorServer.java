package org.is3.annotator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.is3.annotator.auth.Accounts;
import org.is3.annotator.auth.Credentials;
import org.is3.annotator.auth.LoginThrottle;
import org.is3.annotator.auth.Passwords;
import org.is3.annotator.auth.Role;
import org.is3.annotator.quality.Stats;
import org.is3.annotator.segment.Segmenter;
import org.is3.annotator.task.QueueSettings;
import org.is3.annotator.task.TaskException;
import org.is3.annotator.task.TaskQueue;
import org.is3.annotator.work.Reviews;
import org.is3.annotator.work.Submissions;
import org.is3.annotator.work.Verifications;
import org.is3.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The annotator's HTTP server: the JSON API on the paths of {@link ApiPaths}, all declared here,
 * and the web UI (static HTML/CSS/JS from the jar, {@code /annotator-web}). Errors are JSON
 * {@code {"error": "…"}} naming what is wrong; no page loads anything from another origin (CSP).
 */
final class AnnotatorServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AnnotatorServer.class);
    private static final String CSP = "default-src 'self'; img-src 'self' blob: data:; script-src 'self';"
            + " style-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none';"
            + " form-action 'self'";

    private final Javalin app;
    private final DataSource dataSource;
    private final Instant started = Instant.now();
    private final long maxBody;
    private final TaskQueue queue;

    AnnotatorServer(AnnotatorConfig config, DataSource dataSource, Path home, Segmenter segmenter) {
        this.dataSource = dataSource;
        this.maxBody = config.maxBodyBytes();
        Accounts accounts = new Accounts(dataSource, new Passwords(config.bcryptCost()));
        Credentials credentials = new Credentials(dataSource);
        RequestAuth auth = new RequestAuth(credentials);
        this.queue = new TaskQueue(dataSource, new QueueSettings(config.lease(), config.overlap(),
                config.honeypotRate()), new SplittableRandom());
        ImageStore images = new ImageStore(home);
        AuthRoutes login = new AuthRoutes(accounts, credentials, auth, new LoginThrottle(config.loginFailures(),
                5 * config.loginFailures(), Duration.ofMinutes(1), Clock.systemUTC()), config.sessionTtl());
        TaskRoutes tasks = new TaskRoutes(queue, new Verifications(dataSource), new Reviews(dataSource), auth, images);
        MaskRoutes masks = new MaskRoutes(queue, new Submissions(dataSource, config.overlap(), config.agreementIou()),
                segmenter, auth, images, config.maxClicks());
        Stats stats = new Stats(dataSource, config.agreementIou());
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = config.maxBodyBytes();
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/annotator-web";
                s.location = Location.CLASSPATH;
            });
        })
                .before(this::guard)
                .get(ApiPaths.HEALTH, this::health)
                .post(ApiPaths.LOGIN, login::login)
                .post(ApiPaths.LOGOUT, login::logout)
                .get(ApiPaths.ME, login::me)
                .post(ApiPaths.PASSWORD, login::password)
                .post(ApiPaths.TOKENS, login::token)
                .get(ApiPaths.NEXT, tasks::next)
                .post(ApiPaths.HEARTBEAT, tasks::heartbeat)
                .post(ApiPaths.RELEASE, tasks::release)
                .get(ApiPaths.IMAGE, tasks::image)
                .post(ApiPaths.VERIFY, tasks::verify)
                .get(ApiPaths.CANDIDATES, tasks::candidates)
                .post(ApiPaths.REVIEW, tasks::review)
                .post(ApiPaths.PROPOSE, masks::propose)
                .post(ApiPaths.SUBMIT, masks::submit)
                .get(ApiPaths.STATS, ctx -> {
                    auth.require(ctx, Role.ADMIN);
                    ctx.json(stats.snapshot());
                });
        errors();
        app.start(config.host(), config.port());
    }

    int port() {
        return app.port();
    }

    /** Security headers everywhere; API writes must be JSON (no cross-site form can post JSON). */
    private void guard(Context ctx) {
        ctx.header("Content-Security-Policy", CSP);
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("Referrer-Policy", "no-referrer");
        ctx.header("X-Frame-Options", "DENY");
        if (ctx.path().startsWith("/api/")) {
            ctx.header("Cache-Control", "no-store");
            if (ctx.method() == HandlerType.POST) {
                String type = ctx.contentType();
                if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
                    throw new ApiError(415, "API writes take a JSON body (Content-Type: application/json)");
                }
            }
        }
    }

    private void errors() {
        app.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getStatus() == 413
                ? "request body over the " + maxBody + "-byte limit" : e.getMessage()));
        app.exception(ApiError.class, (e, ctx) -> error(ctx, e.status(), e.getMessage()));
        app.exception(InputException.class, (e, ctx) -> error(ctx, 400, e.getMessage()));
        app.exception(JsonProcessingException.class, (e, ctx) -> error(ctx, 400, "invalid JSON: " + e.getOriginalMessage()));
        app.exception(TaskException.class, (e, ctx) -> error(ctx, switch (e.reason()) {
            case NOT_FOUND -> 404;
            case NOT_YOURS -> 403;
            case CONFLICT -> 409;
            case WRONG_KIND -> 400;
        }, e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.error("request {} {} failed", ctx.method(), ctx.path(), e);
            error(ctx, 500, "internal error; the server log has the details");
        });
    }

    private static void error(Context ctx, int status, String message) {
        ctx.status(status).json(Map.of("error", message));
    }

    private void health(Context ctx) {
        boolean db;
        try (Connection c = dataSource.getConnection()) {
            db = c.isValid(2);
        } catch (SQLException e) {
            db = false;
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db ? "ok" : "degraded");
        body.put("service", "annotator");
        body.put("database", db ? "up" : "down");
        body.put("started", started.toString());
        ctx.status(db ? 200 : 503).json(body);
    }

    @Override
    public void close() {
        app.stop();
        queue.close();
    }
}
