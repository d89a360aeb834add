package org.is3.models.sam;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.is3.core.InputException;

/**
 * A SAM model directory's {@code model.json} (docs/models.md, "SAM layout"); defaults are SAM 1's.
 *
 * @param inputSize     side of the square encoder input (1024)
 * @param longestSide   true: resize the longest side to {@code inputSize} keeping the aspect ratio and pad
 *                      bottom/right with zeros (SAM); false: stretch to the square (SAM2)
 * @param pixelMean     per-channel mean in 0–255 units, subtracted before dividing by {@code pixelStd}
 * @param maskThreshold logit above which a pixel is inside the mask (0)
 */
public record SamModelConfig(String name, int inputSize, boolean longestSide, double[] pixelMean, double[] pixelStd,
                             double maskThreshold) {

    public static final String FILE = "model.json";
    private static final Set<String> KEYS = Set.of("name", "input_size", "resize", "pixel_mean", "pixel_std",
            "mask_threshold");
    private static final ObjectMapper JSON = new ObjectMapper();

    public SamModelConfig {
        if (inputSize < 16) {
            throw new InputException("model " + name + ": input_size must be at least 16, got " + inputSize);
        }
        if (pixelMean.length != 3 || pixelStd.length != 3) {
            throw new InputException("model " + name + ": pixel_mean and pixel_std need 3 values (RGB)");
        }
        for (double s : pixelStd) {
            if (!(s > 0)) {
                throw new InputException("model " + name + ": pixel_std values must be positive");
            }
        }
        pixelMean = pixelMean.clone();
        pixelStd = pixelStd.clone();
    }

    public static SamModelConfig read(Path dir) {
        Path file = dir.resolve(FILE);
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new InputException("model config " + file + " cannot be read: " + e.getMessage(), e);
        }
        if (!(root instanceof ObjectNode o)) {
            throw new InputException("model config " + file + " must be a JSON object");
        }
        for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
            String k = it.next();
            if (!KEYS.contains(k)) {
                throw new InputException("model config " + file + ": unknown key '" + k + "'; known: "
                        + KEYS.stream().sorted().toList());
            }
        }
        String resize = o.path("resize").asText("longest_side").toLowerCase(Locale.ROOT);
        if (!resize.equals("longest_side") && !resize.equals("stretch")) {
            throw new InputException("model config " + file + ": resize must be longest_side or stretch, got '"
                    + resize + "'");
        }
        Path fileName = dir.toAbsolutePath().normalize().getFileName();
        try {
            return new SamModelConfig(o.path("name").asText(fileName == null ? "sam" : fileName.toString()),
                    o.path("input_size").asInt(1024), resize.equals("longest_side"),
                    triple(o, "pixel_mean", new double[] {123.675, 116.28, 103.53}),
                    triple(o, "pixel_std", new double[] {58.395, 57.12, 57.375}),
                    o.path("mask_threshold").asDouble(0.0));
        } catch (InputException e) {
            throw new InputException("model config " + file + ": " + e.getMessage(), e);
        }
    }

    private static double[] triple(ObjectNode o, String key, double[] fallback) {
        JsonNode n = o.get(key);
        if (n == null) {
            return fallback;
        }
        if (!n.isArray()) {
            throw new InputException(key + " must be an array of 3 numbers");
        }
        double[] out = new double[n.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = n.get(i).asDouble();
        }
        return out;
    }
}
