package org.is3.eval.web;

import io.javalin.openapi.HttpMethod;
import io.javalin.openapi.OpenApi;
import io.javalin.openapi.OpenApiContent;
import io.javalin.openapi.OpenApiContentProperty;
import io.javalin.openapi.OpenApiParam;
import io.javalin.openapi.OpenApiRequestBody;
import io.javalin.openapi.OpenApiResponse;
import io.javalin.openapi.OpenApiSecurity;

/**
 * Every route of the eval server, one constant each, with its OpenAPI description. The server
 * registers its handlers on these paths ({@code app.post(ApiRoutes.SUBMISSIONS, …)}), and the
 * annotation processor turns the annotations into the document served at {@link ApiDocs#SPEC_PATH}.
 * A path and its documentation therefore cannot drift apart.
 *
 * <p>Errors are JSON {@code {"error": "…"}} naming what is wrong. Metrics use the keys of
 * {@code is3 eval score --json} as fractions, plus "curve"/"curve_adap" (21 success rates).
 */
public final class ApiRoutes {
    private static final String JSON = "application/json";
    private static final String TEAM = "team API";
    private static final String PUBLIC = "leaderboard";
    private static final String ADMIN = "admin API";
    private static final String PAGES = "pages";

    private ApiRoutes() {
    }

    @OpenApi(path = "/health", methods = HttpMethod.GET, tags = "service", operationId = "health",
            summary = "Whether the server and its database answer",
            responses = {
                @OpenApiResponse(status = "200", description = "up", content = @OpenApiContent(mimeType = JSON, type = "object",
                        properties = {@OpenApiContentProperty(name = "status", type = "string"),
                            @OpenApiContentProperty(name = "database", type = "string"),
                            @OpenApiContentProperty(name = "started", type = "string", format = "date-time")})),
                @OpenApiResponse(status = "503", description = "the database does not answer")})
    public static final String HEALTH = "/health";

    @OpenApi(path = "/api/v1/benchmarks/{benchmark}/submissions", methods = HttpMethod.POST, tags = TEAM,
            operationId = "submit", summary = "Upload heatmaps for scoring",
            description = "Multipart upload, streamed to disk. `file` is an .npz, a .zip of <id>.npy, or one .npy "
                    + "stack (N×224×224, or N×h×w maps upsampled server-side with bilinear, align_corners=true) "
                    + "with its sample ids in `ids`. Float maps only; pickled/object arrays, NaN/Inf, archives "
                    + "with links or paths outside the archive are rejected. Counts against the phase's quotas. "
                    + "Optional `audio_emb` and `visual_emb` (both or neither): .npz/.zip of one 1-D vector per "
                    + "sample id; they add instance-level retrieval R@1/5/10 (both directions), feature "
                    + "magnitude, alignment and separability per negative type to the metrics.",
            security = @OpenApiSecurity(name = "bearer"),
            pathParams = @OpenApiParam(name = "benchmark", required = true, description = "benchmark name"),
            requestBody = @OpenApiRequestBody(required = true, content = @OpenApiContent(
                    mimeType = "multipart/form-data", type = "object", properties = {
                        @OpenApiContentProperty(name = "file", type = "string", format = "binary"),
                        @OpenApiContentProperty(name = "ids", type = "string", format = "binary"),
                        @OpenApiContentProperty(name = "method", type = "string"),
                        @OpenApiContentProperty(name = "description", type = "string"),
                        @OpenApiContentProperty(name = "paper_url", type = "string", format = "uri"),
                        @OpenApiContentProperty(name = "code_url", type = "string", format = "uri"),
                        @OpenApiContentProperty(name = "pretrained_vision", type = "boolean"),
                        @OpenApiContentProperty(name = "uses_ogl", type = "boolean"),
                        @OpenApiContentProperty(name = "audio_emb", type = "string", format = "binary"),
                        @OpenApiContentProperty(name = "visual_emb", type = "string", format = "binary")})),
            responses = {
                @OpenApiResponse(status = "201", description = "accepted and queued; never lost",
                        content = @OpenApiContent(mimeType = JSON, type = "object", properties = {
                            @OpenApiContentProperty(name = "id", type = "integer", format = "int64"),
                            @OpenApiContentProperty(name = "status", type = "string")})),
                @OpenApiResponse(status = "400", description = "the upload is malformed; the error names the entry"),
                @OpenApiResponse(status = "401", description = "missing, unknown or revoked token"),
                @OpenApiResponse(status = "404", description = "no such benchmark or no open phase"),
                @OpenApiResponse(status = "413", description = "over the upload size cap"),
                @OpenApiResponse(status = "429", description = "daily, total or failed-submission quota reached")})
    public static final String SUBMISSIONS = "/api/v1/benchmarks/{benchmark}/submissions";

    @OpenApi(path = "/api/v1/submissions/{id}", methods = HttpMethod.GET, tags = TEAM, operationId = "submission",
            summary = "One of your team's submissions: status, error, metrics",
            description = "status is queued, running, scored or failed; metrics are present once scored. "
                    + "Per-sample results are included for dev splits only.",
            security = @OpenApiSecurity(name = "bearer"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true, description = "submission id"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = JSON, type = "object", properties = {
                    @OpenApiContentProperty(name = "id", type = "integer", format = "int64"),
                    @OpenApiContentProperty(name = "status", type = "string"),
                    @OpenApiContentProperty(name = "error", type = "string"),
                    @OpenApiContentProperty(name = "metrics", type = "object")})),
                @OpenApiResponse(status = "401", description = "missing, unknown or revoked token"),
                @OpenApiResponse(status = "404", description = "no such submission of this team")})
    public static final String SUBMISSION = "/api/v1/submissions/{id}";

    @OpenApi(path = "/api/v1/teams/me/submissions", methods = HttpMethod.GET, tags = TEAM,
            operationId = "mySubmissions", summary = "Your team's submissions, newest first",
            security = @OpenApiSecurity(name = "bearer"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = JSON, from = Object[].class)),
                @OpenApiResponse(status = "401", description = "missing, unknown or revoked token")})
    public static final String MY_SUBMISSIONS = "/api/v1/teams/me/submissions";

    @OpenApi(path = "/api/v1/submissions/{id}/rerun", methods = HttpMethod.POST, tags = ADMIN, operationId = "rerun",
            summary = "Admin: score a submission again",
            description = "Drops its results and queues it with a full budget of attempts, whatever its status; "
                    + "a worker still scoring it loses its claim.",
            security = @OpenApiSecurity(name = "bearer"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true, description = "submission id"),
            responses = {
                @OpenApiResponse(status = "200", description = "queued again", content = @OpenApiContent(mimeType = JSON, type = "object")),
                @OpenApiResponse(status = "401", description = "missing, unknown or revoked token"),
                @OpenApiResponse(status = "403", description = "not an admin"),
                @OpenApiResponse(status = "404", description = "no such submission")})
    public static final String RERUN = "/api/v1/submissions/{id}/rerun";

    @OpenApi(path = "/api/v1/submissions/{id}/baseline", methods = HttpMethod.PUT, tags = ADMIN, operationId = "baseline",
            summary = "Admin: mark or unmark an entry as a baseline",
            security = @OpenApiSecurity(name = "bearer"),
            pathParams = @OpenApiParam(name = "id", type = Long.class, required = true, description = "submission id"),
            queryParams = @OpenApiParam(name = "baseline", type = Boolean.class, required = true, description = "true or false"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = JSON, type = "object")),
                @OpenApiResponse(status = "401", description = "missing, unknown or revoked token"),
                @OpenApiResponse(status = "403", description = "not an admin"),
                @OpenApiResponse(status = "404", description = "no such submission")})
    public static final String BASELINE = "/api/v1/submissions/{id}/baseline";

    @OpenApi(path = "/api/v1/benchmarks/{benchmark}/leaderboard", methods = HttpMethod.GET, tags = PUBLIC,
            operationId = "leaderboard", summary = "The leaderboard as JSON",
            pathParams = @OpenApiParam(name = "benchmark", required = true),
            queryParams = @OpenApiParam(name = "split", description = "split name; default the benchmark's test split"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = JSON, type = "object")),
                @OpenApiResponse(status = "404", description = "no such benchmark or split, or not public yet")})
    public static final String LEADERBOARD = "/api/v1/benchmarks/{benchmark}/leaderboard";

    @OpenApi(path = "/api/v1/benchmarks/{benchmark}/leaderboard.csv", methods = HttpMethod.GET, tags = PUBLIC,
            operationId = "leaderboardCsv", summary = "The leaderboard as CSV (RFC 4180, metric fractions)",
            pathParams = @OpenApiParam(name = "benchmark", required = true),
            queryParams = @OpenApiParam(name = "split"),
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/csv", type = "string")),
                @OpenApiResponse(status = "404", description = "no such benchmark or split, or not public yet")})
    public static final String LEADERBOARD_CSV = "/api/v1/benchmarks/{benchmark}/leaderboard.csv";

    @OpenApi(path = "/", methods = HttpMethod.GET, tags = PAGES, operationId = "indexPage",
            summary = "HTML: all benchmarks",
            responses = @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")))
    public static final String INDEX_PAGE = "/";

    @OpenApi(path = "/benchmarks/{benchmark}", methods = HttpMethod.GET, tags = PAGES, operationId = "leaderboardPage",
            summary = "HTML: a benchmark's leaderboard with success-rate curves",
            pathParams = @OpenApiParam(name = "benchmark", required = true),
            queryParams = {@OpenApiParam(name = "split"),
                @OpenApiParam(name = "sort", description = "metric key, e.g. ciou, auc_adap, ap, pia_noise"),
                @OpenApiParam(name = "order", description = "asc or desc"),
                @OpenApiParam(name = "compare", type = Long.class, description = "repeatable: entries to plot")},
            responses = {
                @OpenApiResponse(status = "200", content = @OpenApiContent(mimeType = "text/html", type = "string")),
                @OpenApiResponse(status = "400", description = "unknown sort column or order"),
                @OpenApiResponse(status = "404", description = "no such benchmark or split")})
    public static final String BENCHMARK_PAGE = "/benchmarks/{benchmark}";
}
