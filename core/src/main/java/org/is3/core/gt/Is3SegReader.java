package org.is3.core.gt;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;

/**
 * Reads an SSLalignment {@code *_seg.json} ({@code synthetic3240_seg.json}): the bbox layout with
 * {@code gt_box} holding the path of a mask image (and a constant {@code "offset": 1}, unused).
 * Each mask becomes a binary map as {@link SegMask} describes (metrics.md §1, segmentation masks).
 * The sample id is the stem of {@code image}, the order is the file's order, {@code boxCount} is 1
 * (one mask per instance).
 *
 * <p>The shipped JSON holds absolute paths of the authors' machine, so a mask is looked for, in
 * this order: the path as given; the path resolved against the JSON's directory;
 * {@code <json dir>/gt_masks/<file name>}; {@code <json dir>/<file name>}. With an explicit masks
 * directory only {@code <masks dir>/<file name>} is used.
 */
public final class Is3SegReader {
    private Is3SegReader() {
    }

    /** Masks located next to the JSON (see the class comment). */
    public static GroundTruthSet read(Path json) {
        return read(json, null);
    }

    /**
     * @param masksDir if not null, the directory holding every mask under its file name
     */
    public static GroundTruthSet read(Path json, Path masksDir) {
        if (masksDir != null && !Files.isDirectory(masksDir)) {
            throw new InputException("masks directory not found: " + masksDir);
        }
        Path jsonDir = json.toAbsolutePath().getParent();
        List<GroundTruth> samples = new ArrayList<>();
        SslAlignListJson.forEach(json, e -> {
            String id = SslAlignListJson.imageStem(SslAlignListJson.requireText(json, e, "image"));
            String where = json + ": entry " + e.index() + " (" + id + ")";
            if (id.isEmpty()) {
                throw new InputException(where + ": field 'image' gives an empty sample id");
            }
            String given = SslAlignListJson.requireText(json, e, "gt_box");
            Path mask = locate(given, jsonDir, masksDir, where);
            samples.add(GroundTruth.positive(id, SegMask.read(mask), 1));
        });
        return GroundTruthSet.of(samples, json.toString());
    }

    /** The first existing candidate for a mask path written in the JSON. */
    static Path locate(String given, Path jsonDir, Path masksDir, String where) {
        String name = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        if (name.isEmpty()) {
            throw new InputException(where + ": gt_box '" + given + "' does not name a mask file");
        }
        Set<Path> candidates = new LinkedHashSet<>();
        if (masksDir != null) {
            candidates.add(masksDir.resolve(name));
        } else {
            try {
                Path p = Path.of(given);
                candidates.add(p);
                candidates.add(jsonDir.resolve(p));
            } catch (InvalidPathException ignored) {
                // not a path on this system: only the file-name candidates below apply
            }
            candidates.add(jsonDir.resolve("gt_masks").resolve(name));
            candidates.add(jsonDir.resolve(name));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c)) {
                return c;
            }
        }
        throw new InputException(where + ": mask image '" + given + "' not found; looked at "
                + String.join(", ", candidates.stream().map(Path::toString).toList()));
    }
}
