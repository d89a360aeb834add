package org.is3.eval.store;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.is3.core.InputException;

/**
 * What a team says about a submission: the columns of the papers' tables. Checked on construction;
 * each error names the field by its API name. Markup is allowed in the text (a method may be
 * called {@code <b>x</b>}); every page escapes it.
 *
 * @param method           required, at most 200 characters, one line
 * @param description      at most 5000 characters; null becomes empty
 * @param paperUrl         an http or https URL of at most 500 characters, or null (blank becomes null)
 * @param codeUrl          same rule as paperUrl
 * @param pretrainedVision the visual encoder was pre-trained (e.g. on ImageNet)
 * @param usesOgl          the method applies object-guided localization (OGL)
 */
public record SubmissionMetadata(String method, String description, String paperUrl, String codeUrl,
                                 boolean pretrainedVision, boolean usesOgl) {

    static final int METHOD_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;
    static final int URL_MAX = 500;

    public SubmissionMetadata {
        method = method == null ? "" : method.strip();
        if (method.isEmpty()) {
            throw invalid("method", "is required (the method's name as on the leaderboard)");
        }
        requireLength("method", method, METHOD_MAX);
        requireNoControl("method", method, false);
        description = description == null ? "" : description.strip();
        requireLength("description", description, DESCRIPTION_MAX);
        requireNoControl("description", description, true);
        paperUrl = url("paper_url", paperUrl);
        codeUrl = url("code_url", codeUrl);
    }

    /** Just a method name, everything else empty or false. */
    public static SubmissionMetadata ofMethod(String method) {
        return new SubmissionMetadata(method, "", null, null, false, false);
    }

    private static String url(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String url = value.strip();
        requireLength(field, url, URL_MAX);
        requireNoControl(field, url, false);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(field, "is not a URL (" + e.getReason() + " at index " + e.getIndex() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, "must be an http or https URL, got scheme '" + scheme + "'");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw invalid(field, "must name a host (e.g. https://arxiv.org/abs/…)");
        }
        return url;
    }

    private static void requireLength(String field, String value, int max) {
        int length = value.codePointCount(0, value.length());
        if (length > max) {
            throw invalid(field, "has " + length + " characters, at most " + max + " are allowed");
        }
    }

    private static void requireNoControl(String field, String value, boolean lineBreaksAllowed) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean lineBreak = c == '\n' || c == '\r' || c == '\t';
            if (Character.isISOControl(c) && !(lineBreaksAllowed && lineBreak)) {
                throw invalid(field, "contains the control character U+" + String.format("%04X", (int) c)
                        + " at index " + i);
            }
        }
    }

    private static InputException invalid(String field, String problem) {
        return new InputException("submission metadata: field '" + field + "' " + problem);
    }
}
