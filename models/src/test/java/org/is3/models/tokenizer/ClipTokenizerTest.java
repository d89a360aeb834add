package org.is3.models.tokenizer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ClipTokenizerTest {

    static final Path TOKENIZER = Path.of("src/test/resources/fixtures/sd-tiny/tokenizer.json");

    @Test
    void probe() {
        try (ClipTokenizer t = ClipTokenizer.load(TOKENIZER, 77)) {
            System.out.println(Arrays.toString(t.ids("a photo of a cat and dog")));
            System.out.println(t.tokens("a photo of a cat and dog"));
            assertEquals(77, t.ids("x").length);
        }
    }
}
