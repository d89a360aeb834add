package org.is3.eval.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaderboardCsvTest {
    private static final String HEADER = "rank,submission_id,team,method,baseline,pretrained_vision,uses_ogl,"
            + "upsampled_from,submitted_at,ciou,ciou_adap,auc,auc_adap,iiou,iiou_adap,paper_url,code_url,description\r\n";

    private static String csv(Leaderboard b) throws IOException {
        StringWriter w = new StringWriter();
        LeaderboardCsv.write(b, w);
        return w.toString();
    }

    @Test
    void anEmptyLeaderboardIsTheHeaderAlone() throws IOException {
        assertEquals(HEADER, csv(Leaderboard.of("b", "test", false, List.of())));
    }

    @Test
    void rowsHoldRawFractionsAndQuoteFieldsWithCommasQuotesAndLineBreaks() throws IOException {
        LeaderboardEntry e = new LeaderboardEntry(42, "Lab \"A\", Inc.", "my, method", "line one\nline \"two\"",
                "https://example.org/p?a=1,2", null, true, false, true, "14x14",
                Instant.parse("2025-03-04T05:06:07Z"), SampleEntries.metrics(0.4215, 0.1, 1.0 / 3, 0.5, 0.0, 1.0),
                null, null);
        String expected = HEADER + "1,42,\"Lab \"\"A\"\", Inc.\",\"my, method\",true,true,false,14x14,"
                + "2025-03-04T05:06:07Z,0.4215,0.1,0.3333333333333333,0.5,0.0,1.0,"
                + "\"https://example.org/p?a=1,2\",,\"line one\nline \"\"two\"\"\"\r\n";
        assertEquals(expected, csv(Leaderboard.of("b", "test", false, List.of(e))));
    }

    @Test
    void missingMetricsAreEmptyFieldsAndUnrankedEntriesHaveNoRank() throws IOException {
        LeaderboardEntry e = new LeaderboardEntry(9, "t", "m", "", null, null, false, false, false, null,
                Instant.parse("2025-03-04T05:06:07Z"), SampleEntries.metrics(Double.NaN, 0.5), null, null);
        assertEquals(HEADER + ",9,t,m,false,false,false,,2025-03-04T05:06:07Z,,0.5,,,,,,,\r\n",
                csv(Leaderboard.of("b", "test", false, List.of(e))));
    }

    @Test
    void textThatASpreadsheetWouldEvaluateIsDefused() throws IOException {
        assertEquals("'=HYPERLINK(\"http://x\")", LeaderboardCsv.text("=HYPERLINK(\"http://x\")"));
        assertEquals("'+1", LeaderboardCsv.text("+1"));
        assertEquals("'-1", LeaderboardCsv.text("-1"));
        assertEquals("'@SUM(A1)", LeaderboardCsv.text("@SUM(A1)"));
        assertEquals("a=b", LeaderboardCsv.text("a=b"));
        assertEquals("", LeaderboardCsv.text(null));
        LeaderboardEntry e = new LeaderboardEntry(1, "t", "=cmd|' /C calc'!A0", "", null, null, false, false,
                false, null, Instant.parse("2025-03-04T05:06:07Z"), SampleEntries.metrics(0.5), null, null);
        String row = csv(Leaderboard.of("b", "test", false, List.of(e))).split("\r\n")[1];
        assertEquals("1,1,t,'=cmd|' /C calc'!A0,false,false,false,,2025-03-04T05:06:07Z,0.5,,,,,,,,", row);
    }

    @Test
    void negativeColumnsFollowThePaperColumns() throws IOException {
        var m = SampleEntries.metrics(0.5);
        m.put("ap", 0.25);
        m.put("loc_acc", 0.75);
        LeaderboardEntry e = new LeaderboardEntry(1, "t", "m", "", null, null, false, false, false, null,
                Instant.parse("2025-03-04T05:06:07Z"), m, null, null);
        String[] lines = csv(Leaderboard.of("b", "test", true, List.of(e))).split("\r\n");
        assertEquals(HEADER.replace("iiou_adap,", "iiou_adap,ap,max_f1,loc_acc,").trim(), lines[0]);
        assertEquals("1,1,t,m,false,false,false,,2025-03-04T05:06:07Z,0.5,,,,,,0.25,,0.75,,,", lines[1]);
    }
}
