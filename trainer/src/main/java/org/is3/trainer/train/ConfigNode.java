package org.is3.trainer.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;

/**
 * A section of the training YAML: typed reads with defaults, and a check that every key was one the
 * trainer knows (a misspelt key is an error naming it, not a silently ignored setting).
 */
final class ConfigNode {

    private final JsonNode node;
    private final String path;
    private final Path base;
    private final Set<String> read = new HashSet<>();

    ConfigNode(JsonNode node, String path, Path base) {
        if (node != null && !node.isNull() && !node.isObject()) {
            throw new InputException("config: '" + path + "' must be a mapping");
        }
        this.node = node;
        this.path = path;
        this.base = base;
    }

    ConfigNode section(String key) {
        return new ConfigNode(get(key), name(key), base);
    }

    int integer(String key, int def) {
        JsonNode v = get(key);
        if (v == null) {
            return def;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new InputException("config: '" + name(key) + "' must be an integer, got " + v);
        }
        return v.asInt();
    }

    long longValue(String key, long def) {
        JsonNode v = get(key);
        if (v == null) {
            return def;
        }
        if (!v.isIntegralNumber()) {
            throw new InputException("config: '" + name(key) + "' must be an integer, got " + v);
        }
        return v.asLong();
    }

    double number(String key, double def) {
        JsonNode v = get(key);
        if (v == null) {
            return def;
        }
        if (!v.isNumber()) {
            throw new InputException("config: '" + name(key) + "' must be a number, got " + v);
        }
        return v.asDouble();
    }

    boolean bool(String key, boolean def) {
        JsonNode v = get(key);
        if (v == null) {
            return def;
        }
        if (!v.isBoolean()) {
            throw new InputException("config: '" + name(key) + "' must be true or false, got " + v);
        }
        return v.asBoolean();
    }

    String text(String key, String def) {
        JsonNode v = get(key);
        if (v == null) {
            return def;
        }
        if (!v.isTextual()) {
            throw new InputException("config: '" + name(key) + "' must be a string, got " + v);
        }
        return v.asText();
    }

    /** A path, relative to the config file's directory when not absolute; null when absent. */
    Path path(String key) {
        String t = text(key, null);
        return t == null ? null : base.resolve(t).normalize();
    }

    /** Fails with every key of this section that was never read. */
    void rejectUnknown() {
        if (node == null || node.isNull()) {
            return;
        }
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!read.contains(k)) {
                unknown.add(name(k));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InputException("config: unknown key(s) " + unknown + " (see docs/trainer.md for the keys)");
        }
    }

    private JsonNode get(String key) {
        read.add(key);
        JsonNode v = node == null ? null : node.get(key);
        return v == null || v.isNull() ? null : v;
    }

    private String name(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
