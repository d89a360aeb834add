package org.is3.eval.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Text that goes into server-rendered HTML. Every string a team typed (team, method, description,
 * URLs) passes through {@link #escape} before it reaches a page, in element content and in quoted
 * attribute values alike, so stored script in a method name is shown as text (peers.md, "stored
 * XSS in names").
 */
public final class Html {
    private Html() {
    }

    /**
     * Escapes {@code & < > " '} so the result is inert both as element content and inside a
     * double- or single-quoted attribute value. {@code null} becomes the empty string.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    /**
     * The URL when it may become a link: an absolute {@code http} or {@code https} URL with a host
     * that parses strictly as a URI. Anything else ({@code javascript:}, {@code data:}, relative
     * paths, URLs with spaces or control characters that a browser would silently strip) is
     * empty, and the page shows it as plain text. The caller still escapes the returned value.
     */
    public static Optional<String> linkTarget(String url) {
        if (url == null || url.isEmpty() || !url.equals(url.strip())) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || uri.getHost().isEmpty()) {
                return Optional.empty();
            }
            String s = scheme.toLowerCase(Locale.ROOT);
            return s.equals("http") || s.equals("https") ? Optional.of(url) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
