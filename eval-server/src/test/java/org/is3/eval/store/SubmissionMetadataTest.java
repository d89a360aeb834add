package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class SubmissionMetadataTest {

    @Test
    void validMetadataIsKeptWithBlanksNormalised() {
        SubmissionMetadata m = new SubmissionMetadata("  EZ-VSL <b>+</b> OGL ", "line one\nline two\t.", " ",
                "HTTPS://github.com/stoneMo/EZ-VSL", true, true);

        assertEquals("EZ-VSL <b>+</b> OGL", m.method());
        assertEquals("line one\nline two\t.", m.description());
        assertNull(m.paperUrl());
        assertEquals("HTTPS://github.com/stoneMo/EZ-VSL", m.codeUrl());
        assertEquals("", new SubmissionMetadata("m", null, null, null, false, false).description());
        assertEquals("x".repeat(200), SubmissionMetadata.ofMethod("x".repeat(200)).method());
        assertEquals("https://arxiv.org/abs/2203.03849", new SubmissionMetadata("m", "d".repeat(5000),
                "https://arxiv.org/abs/2203.03849", null, false, false).paperUrl());
    }

    @Test
    void eachProblemNamesItsField() {
        assertProblem("field 'method' is required", null, "", null, null);
        assertProblem("field 'method' is required", " \t ", "", null, null);
        assertProblem("field 'method' has 201 characters, at most 200", "x".repeat(201), "", null, null);
        assertProblem("field 'method' contains the control character U+000A at index 1", "a\nb", "", null, null);
        assertProblem("field 'description' has 5001 characters, at most 5000", "m", "d".repeat(5001), null, null);
        assertProblem("field 'description' contains the control character U+0000", "m", "a\u0000", null, null);
        assertProblem("field 'paper_url' must be an http or https URL, got scheme 'javascript'", "m", "",
                "javascript:alert(1)", null);
        assertProblem("field 'paper_url' must be an http or https URL, got scheme ''", "m", "", "arxiv.org/abs/1", null);
        assertProblem("field 'code_url' must be an http or https URL, got scheme 'ftp'", "m", "", null,
                "ftp://example.org/x");
        assertProblem("field 'code_url' must name a host", "m", "", null, "https:///nohost");
        assertProblem("field 'code_url' is not a URL", "m", "", null, "https://exa mple.org/");
        assertProblem("field 'paper_url' has 501 characters, at most 500", "m", "", "https://a.org/" + "p".repeat(487),
                null);
    }

    private static void assertProblem(String expected, String method, String description, String paper, String code) {
        InputException error = assertThrows(InputException.class,
                () -> new SubmissionMetadata(method, description, paper, code, false, false));
        assertTrue(error.getMessage().startsWith("submission metadata: " + expected), error.getMessage());
    }
}
