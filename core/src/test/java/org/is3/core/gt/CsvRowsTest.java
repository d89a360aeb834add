package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class CsvRowsTest {
    private static List<List<String>> fields(String text) {
        return CsvRows.parse(text, "t.csv").stream().map(CsvRows.Row::fields).toList();
    }

    @Test
    void readsLikePythonsCsvReader() {
        assertEquals(List.of(List.of("a", "b"), List.of(), List.of("c", "")), fields("a,b\r\n\nc,\n"));
        assertEquals(List.of(List.of("x,y", "say \"hi\"", "z")), fields("\"x,y\",\"say \"\"hi\"\"\",z"));
        assertEquals(List.of(List.of("two\nlines", "k")), fields("\"two\nlines\",k\n"));
        assertEquals(List.of(List.of("a\"b")), fields("a\"b\r"));
        assertEquals(List.of(List.of("")), fields("\"\""));
    }

    @Test
    void rowsKnowTheirLine() {
        List<CsvRows.Row> rows = CsvRows.parse("h\n\"a\nb\"\nc\n", "t.csv");
        assertEquals(List.of(1, 2, 4), rows.stream().map(CsvRows.Row::line).toList());
    }

    @Test
    void unterminatedQuoteIsAnError() {
        assertMessage(assertThrows(InputException.class, () -> CsvRows.parse("a\n\"b,c\n", "t.csv")), "t.csv",
                "line 2", "unterminated");
    }
}
