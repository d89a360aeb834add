package org.is3.trainer.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;

/**
 * An is3 release (docs/release-format.md) or any list in the SSLalignment layout
 * ({@code [{"image": …, "audio": …, "gt_box": …}, …]}, paths relative to the list's directory): one
 * example per entry, in file order. A release directory is read through its
 * {@code synthetic_bbox.json}. Ids follow the benchmark: a positive is named by its image stem, an
 * IS3+ negative (an entry with a {@code negative} field) by its audio stem
 * ({@code <instance>_silence|noise|offscreen}), exactly as {@code --gt-format is3plus} names them.
 */
public final class ReleaseSource implements AvSource {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry of the list. */
    public record Entry(String id, Path image, Path audio, boolean negative) {
    }

    private final Path list;
    private final List<Entry> entries;

    private ReleaseSource(Path list, List<Entry> entries) {
        this.list = list;
        this.entries = List.copyOf(entries);
    }

    /** Every entry of a release directory or list file. */
    public static ReleaseSource open(Path releaseOrList) {
        return open(releaseOrList, true);
    }

    /** The entries, without the IS3+ negatives unless {@code withNegatives} (training uses positives). */
    public static ReleaseSource open(Path releaseOrList, boolean withNegatives) {
        Path list = Files.isDirectory(releaseOrList) ? releaseOrList.resolve("synthetic_bbox.json") : releaseOrList;
        if (!Files.isRegularFile(list)) {
            throw new InputException(releaseOrList + ": expected a release directory with synthetic_bbox.json"
                    + " or a JSON list of {image, audio} entries");
        }
        JsonNode root;
        try {
            root = JSON.readTree(list.toFile());
        } catch (IOException e) {
            throw new InputException(list + ": not valid JSON (" + e.getMessage() + ")", e);
        }
        if (root == null || !root.isArray()) {
            throw new InputException(list + ": expected a JSON list of {image, audio} entries");
        }
        Path base = list.toAbsolutePath().getParent();
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode e = root.get(i);
            String image = text(list, i, e, "image");
            String audio = text(list, i, e, "audio");
            boolean negative = e.hasNonNull("negative");
            if (negative && !withNegatives) {
                continue;
            }
            entries.add(new Entry(stem(negative ? audio : image), base.resolve(image), base.resolve(audio), negative));
        }
        if (entries.isEmpty()) {
            throw new InputException(list + ": no entries");
        }
        return new ReleaseSource(list, entries);
    }

    public List<Entry> entries() {
        return entries;
    }

    @Override
    public int size() {
        return entries.size();
    }

    @Override
    public AvExample get(int index) {
        Entry e = entries.get(index);
        return new AvExample(e.id(), readImage(e.image()), Wav.read(e.audio()));
    }

    /** An image file as RGB; a missing or unreadable file is an error naming it. */
    public static BufferedImage readImage(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new InputException(file + ": not an image ImageIO can read");
            }
            return img;
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** The file name up to its first '.', as the IS3 loaders name samples. */
    static String stem(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    private static String text(Path list, int index, JsonNode e, String field) {
        JsonNode v = e == null ? null : e.get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new InputException(list + ": entry " + index + " has no text field '" + field + "'");
        }
        return v.asText();
    }

    @Override
    public String describe() {
        return "release list " + list + ": " + entries.size() + " examples";
    }
}
