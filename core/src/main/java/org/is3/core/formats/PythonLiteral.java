package org.is3.core.formats;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;

/**
 * A parser for the small subset of Python literals that an NPY header holds: a dict of str keys to
 * str, bool, None, int, tuple, list or dict values. numpy reads the header with
 * {@code ast.literal_eval}; this accepts the same text for every header numpy writes, and refuses
 * anything that is not a literal, so no header can make us run anything.
 */
final class PythonLiteral {
    /** A Python tuple; {@code (x)} without a comma is just x, as in Python. */
    record Tuple(List<Object> items) {
    }

    /** A Python list (only a structured dtype's descr uses one). */
    record PyList(List<Object> items) {
    }

    /** Python's None, kept distinct from a missing key. */
    static final Object NONE = new Object() {
        @Override
        public String toString() {
            return "None";
        }
    };

    private static final int MAX_DEPTH = 32;

    private final String text;
    private final String source;
    private int pos;

    private PythonLiteral(String text, String source) {
        this.text = text;
        this.source = source;
    }

    /** Parses {@code text} as one dict literal followed only by whitespace. */
    static Map<String, Object> parseDict(String text, String source) {
        PythonLiteral p = new PythonLiteral(text, source);
        p.skipSpace();
        if (!p.peek('{')) {
            throw p.error("expected the header to be a Python dict literal starting with '{'");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> dict = (Map<String, Object>) p.value(0);
        p.skipSpace();
        if (p.pos != text.length()) {
            throw p.error("unexpected text after the header dict");
        }
        return dict;
    }

    private Object value(int depth) {
        if (depth > MAX_DEPTH) {
            throw error("nesting deeper than " + MAX_DEPTH);
        }
        skipSpace();
        if (pos >= text.length()) {
            throw error("header ends where a value was expected");
        }
        char c = text.charAt(pos);
        switch (c) {
            case '{':
                return dict(depth);
            case '(':
                return sequence(')', depth);
            case '[':
                return new PyList(((Tuple) sequence(']', depth)).items());
            case '\'':
            case '"':
                return string();
            default:
                break;
        }
        if (c == '-' || c == '+' || Character.isDigit(c)) {
            return integer();
        }
        if ((c == 'u' || c == 'b' || c == 'U' || c == 'B') && pos + 1 < text.length()
                && (text.charAt(pos + 1) == '\'' || text.charAt(pos + 1) == '"')) {
            pos++;
            return string();
        }
        String word = word();
        return switch (word) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "None" -> NONE;
            default -> throw error("'" + word + "' is not a Python literal");
        };
    }

    private Map<String, Object> dict(int depth) {
        pos++;
        Map<String, Object> map = new LinkedHashMap<>();
        while (true) {
            skipSpace();
            if (peek('}')) {
                pos++;
                return map;
            }
            Object key = value(depth + 1);
            if (!(key instanceof String k)) {
                throw error("dict key " + key + " is not a string");
            }
            skipSpace();
            expect(':');
            Object v = value(depth + 1);
            if (map.put(k, v) != null) {
                throw error("key '" + k + "' appears twice");
            }
            skipSpace();
            if (peek(',')) {
                pos++;
            } else if (!peek('}')) {
                throw error("expected ',' or '}' after the value of '" + k + "'");
            }
        }
    }

    /** Reads a tuple or list body; a parenthesised single value without a comma is that value. */
    private Object sequence(char close, int depth) {
        pos++;
        List<Object> items = new ArrayList<>();
        boolean sawComma = false;
        while (true) {
            skipSpace();
            if (peek(close)) {
                pos++;
                if (close == ')' && items.size() == 1 && !sawComma) {
                    return items.get(0);
                }
                return new Tuple(items);
            }
            items.add(value(depth + 1));
            skipSpace();
            if (peek(',')) {
                pos++;
                sawComma = true;
            } else if (!peek(close)) {
                throw error("expected ',' or '" + close + "' in a sequence");
            }
        }
    }

    private String string() {
        char quote = text.charAt(pos++);
        StringBuilder sb = new StringBuilder();
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return sb.toString();
            }
            if (c == '\\' && pos < text.length()) {
                char e = text.charAt(pos++);
                sb.append(e == 'n' ? '\n' : e == 't' ? '\t' : e);
            } else if (c == '\n') {
                break;
            } else {
                sb.append(c);
            }
        }
        throw error("unterminated string");
    }

    private BigInteger integer() {
        int start = pos;
        if (text.charAt(pos) == '-' || text.charAt(pos) == '+') {
            pos++;
        }
        int digits = pos;
        while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos == digits) {
            throw error("expected digits after a sign");
        }
        BigInteger v = new BigInteger(text.substring(start, pos));
        // Headers written by Python 2 numpy spell longs as 3L.
        if (pos < text.length() && (text.charAt(pos) == 'L' || text.charAt(pos) == 'l')) {
            pos++;
        }
        return v;
    }

    private String word() {
        int start = pos;
        while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
            pos++;
        }
        if (pos == start) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        return text.substring(start, pos);
    }

    private void skipSpace() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private InputException error(String what) {
        return new InputException(source + ": malformed NPY header (" + what + " at character " + pos
                + "): " + abbreviate(text));
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() <= 200 ? t : t.substring(0, 200) + "…";
    }
}
