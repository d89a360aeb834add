package org.is3.eval.web;

import io.javalin.config.JavalinConfig;
import io.javalin.openapi.plugin.OpenApiPlugin;
import io.javalin.openapi.plugin.swagger.SwaggerPlugin;

/**
 * The OpenAPI description of the eval server and a Swagger UI to try it, both served by the
 * server itself: the document is generated at compile time from {@link ApiRoutes}, and Swagger
 * UI's scripts and styles come from the {@code org.webjars:swagger-ui} jar on the classpath. No
 * CDN, and the online spec validator Swagger UI would call by default is switched off, so a
 * browser showing these pages asks nothing of any other host.
 */
public final class ApiDocs {
    /** The OpenAPI 3 JSON document. */
    public static final String SPEC_PATH = "/openapi";
    /** The Swagger UI page; its assets are under {@code /webjars/swagger-ui/}. */
    public static final String UI_PATH = "/swagger";

    private ApiDocs() {
    }

    /** Registers {@code GET /openapi} and {@code GET /swagger} (call inside {@code Javalin.create}). */
    public static void install(JavalinConfig config) {
        config.registerPlugin(new OpenApiPlugin(openApi -> openApi
                .withDocumentationPath(SPEC_PATH)
                .withDefinitionConfiguration((version, definition) -> definition
                        .withInfo(info -> info.title("is3 eval server")
                                .version("v1")
                                .description("Submit heatmaps for the is3 benchmarks, follow their scoring, read the "
                                        + "leaderboards. Team routes need `Authorization: Bearer TOKEN` "
                                        + "(tokens come from `is3 eval admin create-team`). Errors are JSON "
                                        + "`{\"error\": \"…\"}` naming what is wrong; metrics are fractions "
                                        + "under the keys of `is3 eval score --json`."))
                        .withSecurity(security -> security.withBearerAuth("bearer")))));
        config.registerPlugin(new SwaggerPlugin(swagger -> {
            swagger.setDocumentationPath(SPEC_PATH);
            swagger.setUiPath(UI_PATH);
            swagger.setTitle("is3 eval server API");
            // Swagger UI otherwise sends the spec to validator.swagger.io for its badge
            swagger.setValidatorUrl(null);
        }));
    }
}
