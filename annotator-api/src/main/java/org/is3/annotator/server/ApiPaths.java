package org.is3.annotator.server;

/**
 * Every path of the annotator API (docs/annotator.md describes each). Errors are JSON
 * {@code {"error": "…"}}; writes take JSON bodies; browser sessions must echo their CSRF token
 * in {@code X-CSRF-Token}, bearer tokens need not.
 */
final class ApiPaths {
    static final String HEALTH = "/health";
    static final String LOGIN = "/api/v1/login";
    static final String LOGOUT = "/api/v1/logout";
    static final String ME = "/api/v1/me";
    static final String PASSWORD = "/api/v1/password";
    static final String TOKENS = "/api/v1/tokens";
    static final String NEXT = "/api/v1/tasks/next";
    static final String HEARTBEAT = "/api/v1/tasks/{id}/heartbeat";
    static final String RELEASE = "/api/v1/tasks/{id}/release";
    static final String IMAGE = "/api/v1/tasks/{id}/image";
    static final String VERIFY = "/api/v1/tasks/{id}/verify";
    static final String PROPOSE = "/api/v1/tasks/{id}/propose";
    static final String SUBMIT = "/api/v1/tasks/{id}/submit";
    static final String CANDIDATES = "/api/v1/tasks/{id}/candidates";
    static final String REVIEW = "/api/v1/tasks/{id}/review";
    static final String STATS = "/api/v1/admin/stats";

    private ApiPaths() {
    }
}
