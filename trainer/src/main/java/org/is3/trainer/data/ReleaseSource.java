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
 * The published IS3 metadata ({@code synthetic3240_bbox.json}) works too: put it in the dataset's root
 * and the files are found by name under {@code images/} or {@code visual_frames/} and {@code audio_wav/}.
 */
public final class ReleaseSource implements AvSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Where a file named in a list is looked for when its path does not exist as written. */
    private static final List<String> IMAGE_DIRS = List.of("images224", "images", "visual_frames", "frames", "");
    private static final List<String> AUDIO_DIRS = List.of("audio", "audio_wav", "");

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
            entries.add(new Entry(stem(negative ? audio : image), locate(base, image, IMAGE_DIRS),
                    locate(base, audio, AUDIO_DIRS), negative));
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

    /**
     * The path as written (relative to the list), or — for lists made on another machine, such as the
     * published {@code synthetic3240_bbox.json} with the authors' absolute paths — the same file name
     * in one of the usual folders beside the list ({@code images/}, {@code visual_frames/},
     * {@code audio_wav/}, …). A file found nowhere keeps its written path, and reading it names it.
     */
    static Path locate(Path base, String written, List<String> dirs) {
        Path p = base.resolve(written);
        if (Files.exists(p)) {
            return p;
        }
        String name = written.substring(written.lastIndexOf('/') + 1);
        for (String d : dirs) {
            Path c = d.isEmpty() ? base.resolve(name) : base.resolve(d).resolve(name);
            if (Files.exists(c)) {
                return c;
            }
        }
        return p;
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
