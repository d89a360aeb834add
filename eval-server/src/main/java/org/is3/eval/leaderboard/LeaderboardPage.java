package org.is3.eval.leaderboard;

import static org.is3.eval.web.Html.escape;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Server-rendered HTML5 leaderboard pages: complete documents with inline CSS and a small inline
 * script, nothing fetched from elsewhere. Every string a team or an admin typed is escaped.
 *
 * <p>Serve them with the header {@code Content-Security-Policy: }{@link #CONTENT_SECURITY_POLICY}.
 * Without JavaScript the pages still work: header links sort on the server
 * ({@code ?sort=ciou&order=desc}) and the comparison chart shows the checked entries of a
 * submitted form ({@code ?compare=ID&compare=ID}), the first five by default.
 */
public final class LeaderboardPage {
    /** The Content-Security-Policy these pages are written for (inline blocks allowed by hash). */
    public static final String CONTENT_SECURITY_POLICY = PageAssets.CONTENT_SECURITY_POLICY;

    private LeaderboardPage() {
    }

    /** The page in the board's own order (ranking column, best first), the top five compared. */
    public static String render(Leaderboard board) {
        return render(board, LeaderboardView.defaults(board, List.of()));
    }

    /** The page for {@code view}: sorted as asked, the asked entries (or the top five) compared. */
    public static String render(Leaderboard board, LeaderboardView view) {
        Leaderboard sorted = board.sortedBy(view.sort(), view.descending());
        StringBuilder h = new StringBuilder(32_768);
        head(h, board.benchmark() + " · " + board.split() + " · is3 leaderboard");
        h.append("<body><header><nav aria-label=\"site\"><a href=\"/\">All benchmarks</a>")
                .append("<a href=\"/swagger\">API</a></nav><h1>").append(escape(board.benchmark()))
                .append(" <span class=\"split\">split ").append(escape(board.split())).append("</span></h1>");
        splitLinks(h, board, view.splits());
        String api = "/api/v1/benchmarks/" + segment(board.benchmark()) + "/leaderboard";
        String split = "?split=" + param(board.split());
        h.append("<p>Download: <a href=\"").append(escape(api + ".csv" + split)).append("\">CSV</a> · <a href=\"")
                .append(escape(api + split)).append("\">JSON</a></p></header><main>")
                .append("<p class=\"note\">Success rates ×100: cIoU is the share of samples with cIoU ≥ 0.5 ")
                .append("(top-50 % mask), Adap. uses a mask as large as the ground truth, IIoU counts an image ")
                .append("only if all its sources are found, AUC is the area under the success-rate curve over ")
                .append("cIoU thresholds 0…1. Ranks follow ").append(escape(board.rankingColumn().label()))
                .append("; equal values share a rank.</p>");
        if (sorted.entries().isEmpty()) {
            h.append("<p class=\"empty\">No scored submissions on this split yet.</p>");
        } else {
            Set<Long> compared = compared(sorted, view);
            h.append("<form id=\"compare-form\" method=\"get\" action=\"/benchmarks/")
                    .append(escape(segment(board.benchmark()))).append("\">")
                    .append(hidden("split", board.split())).append(hidden("sort", view.sort().key()))
                    .append(hidden("order", view.descending() ? "desc" : "asc"));
            EntryTable.render(h, sorted, view, compared);
            charts(h, sorted, compared);
            h.append("</form>");
        }
        return h.append("</main><script>").append(PageAssets.SCRIPT).append("</script></body></html>").toString();
    }

    /** The index page: every benchmark with its leader and a link to its leaderboard. */
    public static String index(List<BenchmarkSummary> benchmarks) {
        StringBuilder h = new StringBuilder(8_192);
        head(h, "is3 leaderboards");
        h.append("<body><header><nav aria-label=\"site\"><a href=\"/\" aria-current=\"page\">All benchmarks</a>")
                .append("<a href=\"/swagger\">API</a></nav><h1>is3 leaderboards</h1></header><main>");
        if (benchmarks.isEmpty()) {
            return h.append("<p class=\"empty\">No benchmarks yet.</p></main></body></html>").toString();
        }
        h.append("<div class=\"scroll\"><table id=\"benchmarks\"><caption class=\"vh\">Benchmarks</caption><thead><tr>")
                .append("<th scope=\"col\">Benchmark</th><th scope=\"col\">Ground truth</th><th scope=\"col\">Splits</th>")
                .append("<th scope=\"col\">Entries</th><th scope=\"col\">Leader</th><th scope=\"col\">cIoU</th>")
                .append("<th scope=\"col\">Last scored</th></tr></thead><tbody>");
        for (BenchmarkSummary b : benchmarks) {
            h.append("<tr><th scope=\"row\"><a href=\"/benchmarks/").append(escape(segment(b.name()))).append("\">")
                    .append(escape(b.name())).append("</a>")
                    .append(b.hasNegatives() ? " <span class=\"badge upsampled\">negatives</span>" : "")
                    .append("</th><td>").append(escape(b.gtFormat())).append("</td><td>")
                    .append(escape(String.join(", ", b.splits()))).append("</td><td class=\"num\">")
                    .append(b.scoredEntries()).append("</td><td>")
                    .append(b.bestMethod() == null ? "–" : "<span class=\"name\">" + escape(b.bestMethod()) + "</span>")
                    .append("</td><td class=\"num\">").append(b.bestCiou() == null ? "–" : percent(b.bestCiou()))
                    .append("</td><td>").append(b.lastScored() == null ? "–" : "<time datetime=\"" + b.lastScored()
                            + "\">" + b.lastScored().toString().substring(0, 10) + "</time>")
                    .append("</td></tr>");
        }
        return h.append("</tbody></table></div></main></body></html>").toString();
    }

    /**
     * A fraction as the papers print it: ×100, two decimals, rounded half-to-even on the exact
     * binary value of {@code v * 100} as Python's {@code f"{x:.2f}"} does.
     */
    static String percent(double v) {
        return new BigDecimal(v * 100).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
    }

    /** A page-relative query string that keeps the split and sets the sort (and compared entries). */
    static String query(String split, String sortKey, boolean descending, Set<Long> compare) {
        StringBuilder q = new StringBuilder("?split=").append(param(split)).append("&sort=").append(param(sortKey))
                .append("&order=").append(descending ? "desc" : "asc");
        compare.forEach(id -> q.append("&compare=").append(id));
        return q.toString();
    }

    private static void head(StringBuilder h, String title) {
        h.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta name=\"referrer\" content=\"no-referrer\"><title>").append(escape(title))
                .append("</title><style>").append(PageAssets.CSS).append("</style></head>");
    }

    private static void splitLinks(StringBuilder h, Leaderboard board, List<String> splits) {
        if (splits.size() < 2) {
            return;
        }
        h.append("<nav aria-label=\"splits\">Splits: ");
        for (String s : splits) {
            h.append("<a href=\"").append(escape("?split=" + param(s))).append('"')
                    .append(s.equals(board.split()) ? " aria-current=\"page\"" : "").append('>')
                    .append(escape(s)).append("</a>");
        }
        h.append("</nav>");
    }

    private static Set<Long> compared(Leaderboard sorted, LeaderboardView view) {
        Set<Long> ids = new LinkedHashSet<>();
        for (LeaderboardEntry e : sorted.entries()) {
            boolean asked = view.compare().isEmpty() ? ids.size() < LeaderboardView.DEFAULT_COMPARED
                    : view.compare().contains(e.submissionId());
            if (e.curve() != null && asked) {
                ids.add(e.submissionId());
            }
        }
        return ids;
    }

    private static void charts(StringBuilder h, Leaderboard sorted, Set<Long> compared) {
        List<CurveSvg.Series> plain = new ArrayList<>();
        List<CurveSvg.Series> adaptive = new ArrayList<>();
        List<LeaderboardEntry> entries = sorted.entries();
        for (int i = 0; i < entries.size(); i++) {
            LeaderboardEntry e = entries.get(i);
            boolean on = compared.contains(e.submissionId());
            String name = e.method() + " (" + e.team() + ")";
            if (e.curve() != null) {
                plain.add(new CurveSvg.Series(e.submissionId(), name, EntryTable.color(i), e.baseline(), on, e.curve()));
            }
            if (e.curveAdap() != null) {
                adaptive.add(new CurveSvg.Series(e.submissionId(), name, EntryTable.color(i), e.baseline(), on,
                        e.curveAdap()));
            }
        }
        if (plain.isEmpty() && adaptive.isEmpty()) {
            return;
        }
        h.append("<section aria-labelledby=\"compare-h\"><h2 id=\"compare-h\">Compare success-rate curves</h2>")
                .append("<p class=\"note\">Tick entries in the Compare column. Each line is the share of samples ")
                .append("whose cIoU reaches the threshold; the dashed vertical line marks 0.5, where the cIoU column ")
                .append("is read; baselines are dashed. <button type=\"submit\">Show ticked entries</button></p>")
                .append("<div class=\"charts\">");
        figure(h, "chart-ciou", "cIoU (top-50 % mask)", plain);
        figure(h, "chart-ciou-adap", "cIoU Adap. (mask as large as the ground truth)", adaptive);
        h.append("</div></section>");
    }

    private static void figure(StringBuilder h, String id, String caption, List<CurveSvg.Series> series) {
        if (series.isEmpty()) {
            return;
        }
        h.append("<figure><figcaption>").append(escape(caption)).append("</figcaption>")
                .append(CurveSvg.chart(id, "success rate against cIoU threshold, " + caption, series))
                .append("</figure>");
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + escape(value) + "\">";
    }

    private static String segment(String s) {
        return param(s);
    }

    private static String param(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
