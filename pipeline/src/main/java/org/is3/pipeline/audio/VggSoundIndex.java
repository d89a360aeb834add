package org.is3.pipeline.audio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;

/**
 * The VGGSound index CSV (datasets.md): no header, rows {@code youtube_id,start_seconds,label,split},
 * labels with commas in double quotes (a doubled quote inside is a quote). Rows are kept per label
 * in file order.
 */
final class VggSoundIndex {

    record Entry(String ytid, int start, String label, String split) {
    }

    private VggSoundIndex() {
    }

    static Map<String, List<Entry>> read(Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("VGGSound index " + csv + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, List<Entry>> byLabel = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = fields(lines.get(i));
            if (f.size() != 4) {
                throw new InputException(csv + " line " + (i + 1) + ": expected youtube_id,start_seconds,label,split,"
                        + " got " + f.size() + " fields");
            }
            int start;
            try {
                start = Integer.parseInt(f.get(1).strip());
            } catch (NumberFormatException e) {
                throw new InputException(csv + " line " + (i + 1) + ": start_seconds '" + f.get(1)
                        + "' is not a whole number (the index has no header row)");
            }
            Entry e = new Entry(f.get(0).strip(), start, f.get(2).strip(), f.get(3).strip());
            byLabel.computeIfAbsent(e.label(), k -> new ArrayList<>()).add(e);
        }
        return byLabel;
    }

    /** One CSV line split into fields, honouring double quotes. */
    static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
