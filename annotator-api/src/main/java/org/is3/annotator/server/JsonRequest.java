package org.is3.annotator.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import org.is3.core.InputException;

/** A request's JSON object body, read field by field with errors that name the field. */
final class JsonRequest {
    static final ObjectMapper JSON = new ObjectMapper();
    private final JsonNode root;

    private JsonRequest(JsonNode root) {
        this.root = root;
    }

    static JsonRequest of(Context ctx) {
        try {
            JsonNode node = JSON.readTree(ctx.body());
            if (node == null || !node.isObject()) {
                throw new InputException("the request body must be a JSON object");
            }
            return new JsonRequest(node);
        } catch (JsonProcessingException e) {
            throw new InputException("the request body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    JsonNode node(String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n;
    }

    String text(String field, int maxLength) {
        JsonNode n = node(field);
        if (n == null) {
            throw new InputException(field + ": required");
        }
        return text(n, field, maxLength);
    }

    String optionalText(String field, int maxLength) {
        JsonNode n = node(field);
        return n == null ? null : text(n, field, maxLength);
    }

    static String text(JsonNode n, String field, int maxLength) {
        if (!n.isTextual()) {
            throw new InputException(field + ": expected a string");
        }
        if (n.textValue().length() > maxLength) {
            throw new InputException(field + ": at most " + maxLength + " characters");
        }
        return n.textValue();
    }

    static int integer(JsonNode n, String field) {
        if (n == null || !n.isIntegralNumber() || !n.canConvertToInt()) {
            throw new InputException(field + ": expected an integer");
        }
        return n.intValue();
    }

    static long taskId(Context ctx) {
        try {
            long id = Long.parseLong(ctx.pathParam("id"));
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new InputException("task id '" + ctx.pathParam("id") + "' is not a positive integer");
        }
    }
}
