package org.is3.eval.leaderboard;

import static org.is3.eval.leaderboard.SampleEntries.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LeaderboardPageTest {

    private static List<Long> rowIds(String html) {
        Matcher m = Pattern.compile("<tr id=\"entry-(\\d+)\"").matcher(html);
        List<Long> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(Long.parseLong(m.group(1)));
        }
        return ids;
    }

    private static int count(String html, String needle) {
        int n = 0;
        for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    private static String between(String html, String open, String close) {
        int start = html.indexOf(open) + open.length();
        return html.substring(start, html.indexOf(close, start));
    }

    @Test
    void everyUserStringIsEscaped() {
        String html = LeaderboardPage.render(SampleEntries.board());
        assertTrue(html.contains("<span class=\"name\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"), html);
        assertTrue(html.contains("aria-label=\"compare &lt;script&gt;alert(1)&lt;/script&gt;\""), html);
        assertFalse(html.contains("<script>alert"), "the method name must not become a script element");
        assertEquals(1, count(html, "<script"), "only the page's own script");
        assertTrue(html.contains("<td class=\"team\">Lab &quot;A&quot; &amp; Co</td>"), html);
        assertTrue(html.contains("<div class=\"desc\">trained on VGGSound-144k; &lt;b&gt;not bold&lt;/b&gt;</div>"));
        assertFalse(html.contains("<b>not bold"));
    }

    @Test
    void onlyHttpUrlsBecomeLinks() {
        String html = LeaderboardPage.render(SampleEntries.board());
        assertTrue(html.contains("<a href=\"https://arxiv.org/abs/2203.09324\" rel=\"nofollow noopener noreferrer\""
                + " referrerpolicy=\"no-referrer\">paper</a>"), html);
        assertFalse(html.contains("href=\"javascript"), html);
        assertTrue(html.contains("<span class=\"unlinked\">code: javascript:alert(2)</span>"), html);
    }

    @Test
    void baselinesFlagsAndUpsamplingAreMarked() {
        String html = LeaderboardPage.render(SampleEntries.board());
        assertTrue(html.contains("<tr id=\"entry-1\" class=\"entry baseline\""), html);
        assertTrue(html.contains("<tr id=\"entry-2\" class=\"entry\""), html);
        assertEquals(1, count(html, "<span class=\"badge baseline\">baseline</span>"));
        assertTrue(html.contains(">upsampled 7x7</span>"), html);
        String row7 = between(html, "<tr id=\"entry-7\"", "</tr>");
        assertEquals(2, count(row7, "<span class=\"vh\">yes</span>"), "pre-trained vision and OGL");
        assertTrue(row7.contains("<td class=\"num\" data-v=\"0.6125\">61.25</td>"), row7);
        String row4 = between(html, "<tr id=\"entry-4\"", "</tr>");
        assertEquals(2, count(row4, "<span class=\"vh\">no</span>"));
    }

    @Test
    void headersAreSortLinksAndTheCurrentOneCarriesAriaSort() {
        String html = LeaderboardPage.render(SampleEntries.board());
        assertTrue(html.contains("<th scope=\"col\" data-col=\"ciou\" data-better=\"high\" aria-sort=\"descending\">"
                + "<a class=\"sort\" href=\"?split=test&amp;sort=ciou&amp;order=asc\">cIoU</a></th>"), html);
        assertTrue(html.contains("<th scope=\"col\" data-col=\"auc\" data-better=\"high\"><a class=\"sort\" "
                + "href=\"?split=test&amp;sort=auc&amp;order=desc\">AUC</a></th>"), html);
        assertEquals(1, count(html, "aria-sort=\""));
        assertEquals(5, count(html, "<th scope=\"row\""));
    }

    @Test
    void theServerSortsAsAskedAndRanksStayWithTheRankingColumn() {
        Leaderboard board = SampleEntries.board();
        assertEquals(List.of(7L, 2L, 4L, 5L, 1L), rowIds(LeaderboardPage.render(board)));
        String asc = LeaderboardPage.render(board, LeaderboardView.parse(board, "ciou", "asc", List.of(), List.of()));
        assertEquals(List.of(1L, 5L, 4L, 2L, 7L), rowIds(asc));
        assertTrue(asc.contains("aria-sort=\"ascending\""));
        assertTrue(between(asc, "<tr id=\"entry-1\"", "</tr>").contains("<td class=\"rank\">5</td>"));
        // by IIoU Adap. entry 7 (0.25) falls behind entry 2 (0.55) and entry 4 (0.4)
        String iiou = LeaderboardPage.render(board, LeaderboardView.parse(board, "iiou_adap", null, null, null));
        assertEquals(List.of(2L, 4L, 5L, 7L, 1L), rowIds(iiou));
    }

    @Test
    void everyEntryHasASparklineAndTheChartShowsTheTopFive() {
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            entries.add(entry(i, "m" + i, i / 10.0, i == 1));
        }
        Leaderboard board = Leaderboard.of("vggss", "test", false, entries);
        String html = LeaderboardPage.render(board);
        assertEquals(7, count(html, "<svg class=\"spark\""));
        assertTrue(html.contains("<svg id=\"chart-ciou\""), html);
        assertTrue(html.contains("<svg id=\"chart-ciou-adap\""), html);
        String chart = between(html, "<svg id=\"chart-ciou\"", "</svg>");
        for (int id = 7; id >= 3; id--) {
            assertTrue(chart.contains("<path class=\"series\" data-id=\"" + id + "\""), "top five: " + id);
            assertTrue(html.contains("name=\"compare\" value=\"" + id + "\" checked"));
        }
        assertTrue(chart.contains("<path class=\"series off\" data-id=\"2\""), chart);
        assertTrue(chart.contains("<path class=\"series off\" data-id=\"1\""), chart);
        assertTrue(html.contains("name=\"compare\" value=\"1\" aria-label"));

        String picked = LeaderboardPage.render(board, new LeaderboardView(Column.CIOU, true, Set.of(1L, 99L), List.of()));
        String pickedChart = between(picked, "<svg id=\"chart-ciou\"", "</svg>");
        assertEquals(1, count(pickedChart, "<path class=\"series\" "), pickedChart);
        assertTrue(pickedChart.contains("<path class=\"series\" data-id=\"1\""));
    }

    @Test
    void entriesWithoutCurvesHaveNoCheckboxOrSparkline() {
        LeaderboardEntry bare = new LeaderboardEntry(3, "t", "m", "", null, null, false, false, false, null,
                Instant.EPOCH, SampleEntries.metrics(0.5), null, null);
        String html = LeaderboardPage.render(Leaderboard.of("b", "test", false, List.of(bare)));
        assertFalse(html.contains("<svg class=\"spark\""));
        assertFalse(html.contains("name=\"compare\" value"));
        assertFalse(html.contains("<svg id=\"chart-ciou\""));
        assertTrue(html.contains("<td class=\"curve\">–</td>"), html);
    }

    @Test
    void anEmptyLeaderboardSaysSo() {
        String html = LeaderboardPage.render(Leaderboard.of("is3+", "private", true, List.of()));
        assertTrue(html.startsWith("<!DOCTYPE html><html lang=\"en\">"));
        assertTrue(html.contains("<p class=\"empty\">No scored submissions on this split yet.</p>"), html);
        assertFalse(html.contains("<table"));
        assertTrue(html.contains("href=\"/api/v1/benchmarks/is3%2B/leaderboard.csv?split=private\""), html);
        assertTrue(html.endsWith("</script></body></html>"));
    }

    @Test
    void splitLinksMarkTheCurrentSplit() {
        Leaderboard board = SampleEntries.board();
        String html = LeaderboardPage.render(board, LeaderboardView.defaults(board, List.of("dev", "test")));
        assertTrue(html.contains("<a href=\"?split=dev\">dev</a><a href=\"?split=test\" aria-current=\"page\">test</a>"),
                html);
    }

    @Test
    void theContentSecurityPolicyAllowsExactlyThePagesInlineBlocks() throws Exception {
        String html = LeaderboardPage.render(SampleEntries.board());
        String script = between(html, "<script>", "</script>");
        String style = between(html, "<style>", "</style>");
        String csp = LeaderboardPage.CONTENT_SECURITY_POLICY;
        assertTrue(csp.contains("script-src '" + sha256(script) + "'"), csp);
        assertTrue(csp.contains("style-src '" + sha256(style) + "'"), csp);
        assertTrue(csp.startsWith("default-src 'none'"));
        assertFalse(csp.contains("unsafe-inline"));
        assertFalse(html.contains(" style=\""), "style attributes would be blocked by the policy");
        for (String load : new String[] {" src=", "<link", "<img", "<iframe", "url(", "@import", "@font-face"}) {
            assertFalse(html.contains(load), "the page loads nothing: " + load);
        }
    }

    private static String sha256(String s) throws Exception {
        byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        return "sha256-" + Base64.getEncoder().encodeToString(d);
    }

    @Test
    void percentagesHaveTwoDecimalsAsInThePapers() {
        assertEquals("42.15", LeaderboardPage.percent(0.4215));
        assertEquals("66.67", LeaderboardPage.percent(2.0 / 3));
        assertEquals("0.00", LeaderboardPage.percent(0));
        assertEquals("100.00", LeaderboardPage.percent(1));
    }

    @Test
    void theIndexListsBenchmarksWithEscapedLeaders() {
        String html = LeaderboardPage.index(List.of(
                new BenchmarkSummary("is3", "is3", false, List.of("dev", "test"), 3, "<img src=x onerror=alert(1)>",
                        0.6125, Instant.parse("2025-05-06T07:08:09Z")),
                new BenchmarkSummary("flickr-ext", "extended", true, List.of("test"), 0, null, null, null)));
        assertTrue(html.contains("<a href=\"/benchmarks/is3\">is3</a>"), html);
        assertTrue(html.contains("<span class=\"name\">&lt;img src=x onerror=alert(1)&gt;</span>"), html);
        assertFalse(html.contains("<img"));
        assertTrue(html.contains("<td class=\"num\">61.25</td>"));
        assertTrue(html.contains("<time datetime=\"2025-05-06T07:08:09Z\">2025-05-06</time>"));
        assertTrue(html.contains("<a href=\"/benchmarks/flickr-ext\">flickr-ext</a> <span class=\"badge upsampled\">"
                + "negatives</span>"), html);
        assertTrue(LeaderboardPage.index(List.of()).contains("No benchmarks yet."));
    }
}
