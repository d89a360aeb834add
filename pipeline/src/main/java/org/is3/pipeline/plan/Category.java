package org.is3.pipeline.plan;

import java.util.Locale;

/**
 * A category of a run: its label as the class list writes it (used in prompts) and its token, the
 * form that goes into image and instance names. Tokens follow the published IS3 names
 * ({@code acoustic guitar} → {@code acousticguitar}): lower case, only {@code a-z}, {@code 0-9} and
 * {@code -}, never {@code _}, because names are split on the last underscore (datasets.md, Naming).
 */
public record Category(String label, String token) {

    public Category {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("category label must not be blank");
        }
        if (token == null || !token.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("category token '" + token + "' of '" + label
                    + "' must be lower-case letters and digits joined by '-'");
        }
    }

    /** The category of a class-list label; null when nothing of the label survives as a token. */
    public static Category ofLabel(String label) {
        String token = label.strip().toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9-]", "")
                .replaceAll("-{2,}", "-")
                .replaceAll("^-|-$", "");
        return token.isEmpty() ? null : new Category(label.strip(), token);
    }

    /** Whether {@code name} names this category, by label or by token. */
    public boolean isNamed(String name) {
        return label.equals(name) || token.equals(name);
    }
}
