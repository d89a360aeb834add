package org.is3.core.gt;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;

/**
 * The rows of a small CSV file as Python's {@code csv.reader} with the default dialect sees them,
 * which is how the reference loaders read id lists and the SLAVC negatives: comma-separated,
 * fields optionally in double quotes with {@code ""} for a quote, CR/LF/CRLF line ends, a blank
 * line is a row without fields. A leading UTF-8 byte-order mark is dropped.
 */
final class CsvRows {
    /** One record; {@code line} is the 1-based line on which it starts. */
    record Row(int line, List<String> fields) {
        String field(int i) {
            return fields.get(i);
        }
    }

    private CsvRows() {
    }

    static List<Row> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return parse(text, file.toString());
    }

    static List<Row> parse(String text, String source) {
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int line = 1;
        int n = text.length();
        while (i < n) {
            int rowLine = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean any = false;
            boolean quoted = false;
            boolean inQuotes = false;
            for (; i < n; i++) {
                char c = text.charAt(i);
                if (inQuotes) {
                    if (c == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            inQuotes = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == '"' && field.length() == 0 && !quoted) {
                    inQuotes = true;
                    quoted = true;
                    any = true;
                } else if (c == ',') {
                    fields.add(field.toString());
                    field.setLength(0);
                    quoted = false;
                    any = true;
                } else if (c == '\r' || c == '\n') {
                    i += (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') ? 2 : 1;
                    line++;
                    break;
                } else {
                    field.append(c);
                    any = true;
                }
            }
            if (inQuotes) {
                throw new InputException(source + ": line " + rowLine + " has an unterminated quoted field");
            }
            if (any) {
                fields.add(field.toString());
            }
            rows.add(new Row(rowLine, List.copyOf(fields)));
        }
        return rows;
    }
}
