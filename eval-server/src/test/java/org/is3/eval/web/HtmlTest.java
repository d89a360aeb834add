package org.is3.eval.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class HtmlTest {

    @Test
    void escapesTheFiveCharactersThatEndTextOrAttributes() {
        assertEquals("&lt;script&gt;alert(1)&lt;/script&gt;", Html.escape("<script>alert(1)</script>"));
        assertEquals("Lab &quot;A&quot; &amp; Co&#39;s", Html.escape("Lab \"A\" & Co's"));
        assertEquals("&amp;amp;", Html.escape("&amp;"), "already-escaped text is escaped again, not trusted");
        assertEquals("ünïcode ✓", Html.escape("ünïcode ✓"));
        assertEquals("", Html.escape(null));
    }

    @Test
    void onlyAbsoluteHttpAndHttpsUrlsBecomeLinks() {
        assertEquals(Optional.of("https://arxiv.org/abs/2203.09324"), Html.linkTarget("https://arxiv.org/abs/2203.09324"));
        assertEquals(Optional.of("HTTP://example.org/a?b=1&c=2"), Html.linkTarget("HTTP://example.org/a?b=1&c=2"));
        for (String bad : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
            "java\tscript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:msgbox", "file:///etc/passwd",
            "//evil.example/x", "/relative", "ftp://example.org/", "https://", "http:alert(1)",
            "https://example.org/\"onmouseover=\"alert(1)", "https://exa mple.org/", "https://example.org/ ", "", null}) {
            assertEquals(Optional.empty(), Html.linkTarget(bad), String.valueOf(bad));
        }
    }
}
