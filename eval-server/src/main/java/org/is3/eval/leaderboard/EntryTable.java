package org.is3.eval.leaderboard;

import static org.is3.eval.web.Html.escape;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.is3.eval.web.Html;

/**
 * The leaderboard table: one row per entry, the metric columns ×100 with their raw fractions in
 * {@code data-v} for client-side sorting, flags, baseline badge and row style, links, sparkline.
 * Sort links in the headers work without JavaScript ({@code ?sort=…&order=…}); the page's
 * script intercepts them and sorts in place.
 */
final class EntryTable {
    static final String[] PALETTE = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"};

    private EntryTable() {
    }

    static void render(StringBuilder h, Leaderboard board, LeaderboardView view, Set<Long> compared) {
        h.append("<div class=\"scroll\"><table id=\"leaderboard\">")
                .append("<caption class=\"vh\">Leaderboard of ").append(escape(board.benchmark()))
                .append(", split ").append(escape(board.split())).append(", sorted by ")
                .append(escape(view.sort().label())).append(view.descending() ? ", descending" : ", ascending")
                .append("</caption><thead><tr>")
                .append("<th scope=\"col\"><abbr title=\"rank by ").append(escape(board.rankingColumn().label()))
                .append("\">#</abbr></th><th scope=\"col\">Compare</th><th scope=\"col\">Method</th>")
                .append("<th scope=\"col\">Team</th><th scope=\"col\" class=\"flagcol\">Pre-trained vision</th>")
                .append("<th scope=\"col\" class=\"flagcol\"><abbr title=\"object-guided localization (OGL, EZ-VSL)\">OGL</abbr></th>");
        for (Column c : board.columns()) {
            header(h, board, view, c);
        }
        h.append("<th scope=\"col\">Success-rate curve</th><th scope=\"col\">Submitted</th></tr></thead><tbody>");
        Map<Long, Integer> ranks = board.ranks();
        List<LeaderboardEntry> entries = board.entries();
        for (int i = 0; i < entries.size(); i++) {
            row(h, board, entries.get(i), ranks.get(entries.get(i).submissionId()), color(i),
                    compared.contains(entries.get(i).submissionId()));
        }
        h.append("</tbody></table></div>");
    }

    static String color(int index) {
        return PALETTE[index % PALETTE.length];
    }

    private static void header(StringBuilder h, Leaderboard board, LeaderboardView view, Column c) {
        boolean current = c == view.sort();
        // a click on the current column flips it; on another column it starts with the better end
        boolean nextDescending = current ? !view.descending() : c.higherIsBetter();
        String href = LeaderboardPage.query(board.split(), c.key(), nextDescending, Set.of());
        h.append("<th scope=\"col\" data-col=\"").append(c.key()).append("\" data-better=\"")
                .append(c.higherIsBetter() ? "high" : "low").append('"');
        if (current) {
            h.append(" aria-sort=\"").append(view.descending() ? "descending" : "ascending").append('"');
        }
        h.append("><a class=\"sort\" href=\"").append(escape(href)).append("\">").append(escape(c.label()))
                .append("</a></th>");
    }

    private static void row(StringBuilder h, Leaderboard board, LeaderboardEntry e, Integer rank, String color,
                            boolean compared) {
        String method = escape(e.method());
        h.append("<tr id=\"entry-").append(e.submissionId()).append("\" class=\"entry")
                .append(e.baseline() ? " baseline" : "").append("\" data-id=\"").append(e.submissionId())
                .append("\" data-t=\"").append(e.submittedAt().toEpochMilli()).append("\">")
                .append("<td class=\"rank\">").append(rank == null ? "–" : rank.toString()).append("</td><td>");
        if (e.curve() != null) {
            h.append("<input type=\"checkbox\" name=\"compare\" value=\"").append(e.submissionId()).append('"')
                    .append(compared ? " checked" : "").append(" aria-label=\"compare ").append(method).append("\"> ")
                    .append(swatch(color, e.baseline()));
        }
        h.append("</td><th scope=\"row\" class=\"method\"><span class=\"name\">").append(method).append("</span>");
        if (e.baseline()) {
            h.append(" <span class=\"badge baseline\">baseline</span>");
        }
        if (e.upsampledFrom() != null) {
            h.append(" <span class=\"badge upsampled\" title=\"maps upsampled server-side from ")
                    .append(escape(e.upsampledFrom())).append(" to 224×224 (bilinear, align_corners=true)\">upsampled ")
                    .append(escape(e.upsampledFrom())).append("</span>");
        }
        if (!e.description().isEmpty()) {
            h.append("<div class=\"desc\">").append(escape(e.description())).append("</div>");
        }
        links(h, e);
        h.append("</th><td class=\"team\">").append(escape(e.team())).append("</td>");
        flag(h, e.pretrainedVision());
        flag(h, e.usesOgl());
        for (Column c : board.columns()) {
            OptionalDouble v = e.value(c);
            h.append("<td class=\"num\" data-v=\"").append(v.isPresent() ? Double.toString(v.getAsDouble()) : "")
                    .append("\">").append(v.isPresent() ? LeaderboardPage.percent(v.getAsDouble()) : "–").append("</td>");
        }
        h.append("<td class=\"curve\">");
        if (e.curve() != null) {
            OptionalDouble auc = e.value(Column.AUC);
            h.append(CurveSvg.sparkline(e.curve(), "success rate over cIoU thresholds 0 to 1 for " + e.method()
                    + (auc.isPresent() ? ", AUC " + LeaderboardPage.percent(auc.getAsDouble()) : "")));
        } else {
            h.append("–");
        }
        h.append("</td><td><time datetime=\"").append(e.submittedAt()).append("\">")
                .append(e.submittedAt().toString(), 0, 10).append("</time></td></tr>");
    }

    private static void links(StringBuilder h, LeaderboardEntry e) {
        if (e.paperUrl() == null && e.codeUrl() == null) {
            return;
        }
        h.append("<div class=\"links\">");
        link(h, "paper", e.paperUrl());
        link(h, "code", e.codeUrl());
        h.append("</div>");
    }

    /** An http(s) URL becomes a link; anything else is shown as text, never as an href. */
    private static void link(StringBuilder h, String label, String url) {
        if (url == null || url.isEmpty()) {
            return;
        }
        Optional<String> target = Html.linkTarget(url);
        if (target.isPresent()) {
            h.append("<a href=\"").append(escape(target.get()))
                    .append("\" rel=\"nofollow noopener noreferrer\" referrerpolicy=\"no-referrer\">")
                    .append(label).append("</a> ");
        } else {
            h.append("<span class=\"unlinked\">").append(label).append(": ").append(escape(url)).append("</span> ");
        }
    }

    private static void flag(StringBuilder h, boolean on) {
        h.append("<td class=\"flag\" data-v=\"").append(on ? 1 : 0).append("\"><span aria-hidden=\"true\">")
                .append(on ? "✓" : "·").append("</span><span class=\"vh\">").append(on ? "yes" : "no")
                .append("</span></td>");
    }

    static String swatch(String color, boolean dashed) {
        return "<svg class=\"swatch\" width=\"18\" height=\"8\" aria-hidden=\"true\"><line x1=\"0\" y1=\"4\" x2=\"18\""
                + " y2=\"4\" stroke=\"" + escape(color) + "\" stroke-width=\"3\""
                + (dashed ? " stroke-dasharray=\"5 2\"" : "") + "/></svg>";
    }
}
