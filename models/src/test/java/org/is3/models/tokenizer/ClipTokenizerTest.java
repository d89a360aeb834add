package org.is3.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClipTokenizerTest {

    static final Path TOKENIZER = Path.of("src/test/resources/fixtures/sd-tiny/tokenizer.json");
    static final String BOS = "<|startoftext|>";
    static final String EOS = "<|endoftext|>";

    @Test
    void shortPromptIsWrappedAndPaddedWithEndOfTextTo77() {
        try (ClipTokenizer t = ClipTokenizer.load(TOKENIZER, 77)) {
            List<String> tokens = t.tokens("A photo of a  CAT and dog");
            assertEquals(77, tokens.size());
            // lower-cased, whitespace collapsed, words end with </w>, merged words are single tokens
            assertEquals(List.of(BOS, "a</w>", "p", "hoto</w>", "o", "f</w>", "a</w>", "cat</w>", "and</w>",
                    "dog</w>", EOS), tokens.subList(0, 11));
            assertTrue(tokens.subList(11, 77).stream().allMatch(EOS::equals));
            long[] ids = t.ids("a photo of a cat and dog");
            assertEquals(77, ids.length);
            assertEquals(ids[10], ids[76], "padding id is the end-of-text id");
        }
    }

    @Test
    void longPromptIsTruncatedKeepingBothSpecialTokens() {
        try (ClipTokenizer t = ClipTokenizer.load(TOKENIZER, 77)) {
            String prompt = "cat ".repeat(100);
            List<String> tokens = t.tokens(prompt);
            assertEquals(77, tokens.size());
            assertEquals(BOS, tokens.get(0));
            assertEquals(List.of("cat</w>"), tokens.subList(1, 76).stream().distinct().toList());
            assertEquals(EOS, tokens.get(76));
        }
    }

    @Test
    void emptyPromptIsStartEndAndPadding() {
        try (ClipTokenizer t = ClipTokenizer.load(TOKENIZER, 77)) {
            List<String> tokens = t.tokens("");
            assertEquals(BOS, tokens.get(0));
            assertEquals(76, tokens.stream().filter(EOS::equals).count());
        }
    }

    @Test
    void aTokenizerThatCannotReachTheLengthIsRefused(@TempDir Path dir) throws IOException {
        Path bad = dir.resolve("tokenizer.json");
        Files.writeString(bad, "{\"not\": \"a tokenizer\"}");
        InputException e = assertThrows(InputException.class, () -> ClipTokenizer.load(bad, 77));
        assertTrue(e.getMessage().contains(bad.toString()), e.getMessage());
        assertThrows(InputException.class, () -> ClipTokenizer.load(dir.resolve("missing.json"), 77));
    }
}
