package org.is3.eval.leaderboard;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The leaderboard as CSV (RFC 4180: CRLF line ends, a header row, fields with a comma, quote, CR
 * or LF enclosed in double quotes with inner quotes doubled), in the leaderboard's entry order.
 *
 * <p>Metric values are the raw fractions exactly as stored (Java's shortest round-trip decimal,
 * e.g. {@code 0.4215}), under the metric keys of {@code is3 eval score --json}, so the CSV agrees
 * with the JSON API to the last bit; the HTML page shows them ×100 with two decimals as the papers
 * do. A missing metric is an empty field. Columns: {@code rank, submission_id, team, method,
 * baseline, pretrained_vision, uses_ogl, upsampled_from, submitted_at}, then one per metric
 * column of the leaderboard, then {@code paper_url, code_url, description}.
 *
 * <p>Text a team typed that starts with {@code = + - @}, a tab or a CR is prefixed with a single
 * quote, so a spreadsheet opening the file shows it instead of evaluating it as a formula (OWASP
 * "CSV injection").
 */
public final class LeaderboardCsv {
    private LeaderboardCsv() {
    }

    /** Writes the header and one row per entry; does not close {@code out}. */
    public static void write(Leaderboard board, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("rank", "submission_id", "team", "method", "baseline",
                "pretrained_vision", "uses_ogl", "upsampled_from", "submitted_at"));
        board.columns().forEach(c -> header.add(c.key()));
        header.addAll(List.of("paper_url", "code_url", "description"));
        writeRow(out, header);
        Map<Long, Integer> ranks = board.ranks();
        for (LeaderboardEntry e : board.entries()) {
            Integer rank = ranks.get(e.submissionId());
            List<String> row = new ArrayList<>(List.of(rank == null ? "" : rank.toString(),
                    Long.toString(e.submissionId()), text(e.team()), text(e.method()),
                    Boolean.toString(e.baseline()), Boolean.toString(e.pretrainedVision()),
                    Boolean.toString(e.usesOgl()), text(e.upsampledFrom()), e.submittedAt().toString()));
            for (Column c : board.columns()) {
                OptionalDouble v = e.value(c);
                row.add(v.isPresent() ? Double.toString(v.getAsDouble()) : "");
            }
            row.addAll(List.of(text(e.paperUrl()), text(e.codeUrl()), text(e.description())));
            writeRow(out, row);
        }
    }

    /** One RFC 4180 field: quoted when it holds a comma, a quote, CR or LF. */
    static String field(String value) {
        boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0
                || value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0;
        return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
    }

    /** User text, defused against spreadsheet formula evaluation; null becomes empty. */
    static String text(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        char first = value.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + value : value;
    }

    private static void writeRow(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(field(fields.get(i)));
        }
        out.write("\r\n");
    }
}
