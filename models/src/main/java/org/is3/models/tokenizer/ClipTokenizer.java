package org.is3.models.tokenizer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;

/**
 * Stable Diffusion's CLIP BPE tokenizer from a local {@code tokenizer.json}: {@code <|startoftext|>},
 * the prompt's tokens, {@code <|endoftext|>}, then {@code <|endoftext|>} again up to the fixed length
 * (77), truncating longer prompts so the last id is still {@code <|endoftext|>} (as diffusers'
 * {@code CLIPTokenizer(padding="max_length", truncation=True)}). The pad id comes from the file's
 * {@code padding} section (stack.md); a file that does not pad to the length is refused at load.
 */
public final class ClipTokenizer implements AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final int length;

    private ClipTokenizer(HuggingFaceTokenizer tokenizer, int length) {
        this.tokenizer = tokenizer;
        this.length = length;
    }

    /**
     * @param file   a {@code tokenizer.json} with BPE model, RobertaProcessing post-processor and padding
     * @param length the text encoder's sequence length (77 for SD)
     */
    public static ClipTokenizer load(Path file, int length) {
        if (!Files.isRegularFile(file)) {
            throw new InputException("tokenizer file " + file + " does not exist");
        }
        HuggingFaceTokenizer hf;
        try {
            hf = HuggingFaceTokenizer.newInstance(file, Map.of(
                    "padding", "max_length", "truncation", "true", "maxLength", Integer.toString(length),
                    "addSpecialTokens", "true"));
        } catch (IOException | RuntimeException e) {
            throw new InputException("tokenizer file " + file + " cannot be loaded: " + e.getMessage(), e);
        }
        ClipTokenizer t = new ClipTokenizer(hf, length);
        long[] probe = t.ids("a");
        if (probe.length != length || probe[probe.length - 1] != probe[2]) {
            t.close();
            throw new InputException("tokenizer file " + file + " must pad with <|endoftext|> to " + length
                    + " tokens (a \"padding\" section with strategy Fixed " + length + "), got "
                    + probe.length + " tokens");
        }
        return t;
    }

    public int length() {
        return length;
    }

    /** The {@link #length()} token ids of one prompt. */
    public long[] ids(String prompt) {
        Encoding e = tokenizer.encode(prompt);
        return e.getIds();
    }

    /** The token strings of one prompt, padding included (for logs and tests). */
    public List<String> tokens(String prompt) {
        return List.of(tokenizer.encode(prompt).getTokens());
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
