package org.is3.eval.leaderboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CurveSvgTest {

    @Test
    void pathPlacesPointIAtTwentiethsAndRateFromTheTop() {
        double[] curve = new double[21];
        for (int i = 0; i < 21; i++) {
            curve[i] = 1 - i / 20.0;
        }
        // a straight line from (0, top) to (100, bottom) in a 100×24 box: y_i = 24·i/20 = 1.2·i
        StringBuilder expected = new StringBuilder("M0,0");
        for (int i = 1; i <= 20; i++) {
            expected.append(" L").append(5 * i).append(',').append(CurveSvg.num(1.2 * i));
        }
        assertEquals(expected.toString(), CurveSvg.path(curve, 100, 24));
        assertEquals("M0,0 L5,0 L10,0 L15,12 L20,24", CurveSvg.path(new double[] {1, 1, 1, 0.5, 0}, 20, 24));
    }

    @Test
    void pathOfAFlatCurveAtZeroRunsAlongTheBottom() {
        String d = CurveSvg.path(new double[21], 400, 240);
        assertTrue(d.startsWith("M0,240 L20,240 L40,240"), d);
        assertTrue(d.endsWith(" L380,240 L400,240"), d);
    }

    @Test
    void coordinatesHaveAtMostTwoDecimals() {
        assertEquals("0", CurveSvg.num(0));
        assertEquals("0", CurveSvg.num(-0.0));
        assertEquals("12", CurveSvg.num(12.0));
        assertEquals("3.33", CurveSvg.num(10.0 / 3));
        assertEquals("1.2", CurveSvg.num(1.2000000000000002));
        assertEquals("100", CurveSvg.num(1e2));
    }

    @Test
    void sparklineShadesTheAreaUnderTheCurveAndEscapesItsLabel() {
        String svg = CurveSvg.sparkline(SampleEntries.falling(0.5), "curve of \"<x>\"");
        assertTrue(svg.startsWith("<svg class=\"spark\""), svg);
        assertTrue(svg.contains("aria-label=\"curve of &quot;&lt;x&gt;&quot;\""), svg);
        assertTrue(svg.contains("<path class=\"area\" d=\"M0,0 L5,0"), svg);
        assertTrue(svg.contains(" L100,24 L100,24 L0,24 Z\""), svg);
        assertFalse(svg.contains("style="), "no style attributes: the page's CSP forbids them");
    }

    @Test
    void chartMarksHiddenSeriesAndDashesBaselines() {
        String svg = CurveSvg.chart("c", "t", List.of(
                new CurveSvg.Series(3, "a <b>", "#123456", false, true, SampleEntries.falling(1)),
                new CurveSvg.Series(4, "base", "#654321", true, false, new double[21])));
        assertTrue(svg.contains("<path class=\"series\" data-id=\"3\" d=\"M0,0 L20,0"), svg);
        assertTrue(svg.contains("<title>a &lt;b&gt;</title>"), svg);
        assertTrue(svg.contains("<path class=\"series off\" data-id=\"4\" d=\"M0,240 L20,240"), svg);
        assertTrue(svg.contains("stroke=\"#654321\" stroke-width=\"2\" stroke-dasharray=\"6 3\""), svg);
        assertFalse(svg.contains("style="));
    }
}
