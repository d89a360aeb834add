package org.is3.core.gt;

import org.is3.core.Problems;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.is3.core.InputException;
import org.is3.core.grid.Grid;

/**
 * Reads VGG-SS {@code vggss.json}: a list of {@code {"file": "<ytid>_<start:06d>", "class": label,
 * "bbox": [[x1, y1, x2, y2], …]}} with coordinates normalised to [0, 1].
 *
 * <p>Map (metrics.md §1, SSLalignment/SLAVC {@code load_all_bboxes} format {@code vggss}): each
 * coordinate v becomes {@code trunc(clip(v, 0, 1) · 224)} with the product in binary64, and the
 * union of the boxes is a binary map. The 12 shipped entries with a coordinate of −2.88e16 clip to
 * empty boxes. The sample id is {@code file}; {@code boxCount} is the number of boxes (all have
 * xmin ≥ 0 after clipping, so SLAVC's {@code bb} counts every one, empty or not).
 *
 * <p>Order: ascending id in Python's {@code sorted()} order, which is how SSLalignment's and
 * SLAVC's {@code get_test_dataset} order a VGG-SS test list ({@code sorted(set(ids))}); with an id
 * subset, that is the sorted order of the subset's own strings.
 *
 * <p>Id subset: ids may be written as {@code <ytid>_<start:06d>} (VGG-SS, EZ-VSL, SLAVC) or as
 * SSL-Align's {@code <ytid>_<startms>_<endms>} (its {@code metadata/ours_vggss.txt}). The second
 * form is matched exactly the way SSLalignment keys its boxes, through {@link #sslAlignName}:
 * {@code <first 11 chars>_<start·1000>_<(start+10)·1000>}. All 4,655 ids of {@code ours_vggss.txt}
 * match a {@code vggss.json} entry this way. Subset ids that match no entry are an error.
 */
public final class VggssReader {
    private VggssReader() {
    }

    /** Every entry of {@code vggss.json}, in ascending id order. */
    public static GroundTruthSet read(Path json) {
        return read(json, null);
    }

    /**
     * The entries of {@code vggss.json} listed in {@code idsSubset} (or all of them if null), in
     * ascending order of the subset's ids.
     */
    public static GroundTruthSet read(Path json, Path idsSubset) {
        Map<String, GroundTruth> byFile = readAll(json);
        List<GroundTruth> samples = new ArrayList<>();
        if (idsSubset == null) {
            byFile.keySet().stream().sorted(IdSubset.PYTHON_ORDER).forEach(id -> samples.add(byFile.get(id)));
            return GroundTruthSet.of(samples, json.toString());
        }
        IdSubset subset = IdSubset.read(idsSubset);
        Map<String, String> fileBySslAlignName = new HashMap<>();
        for (String file : byFile.keySet()) {
            sslAlignName(file).ifPresent(alias -> fileBySslAlignName.put(alias, file));
        }
        List<String> missing = new ArrayList<>();
        for (String id : subset.sortedUnique()) {
            GroundTruth g = byFile.get(id);
            if (g == null && fileBySslAlignName.containsKey(id)) {
                g = byFile.get(fileBySslAlignName.get(id));
            }
            if (g == null) {
                missing.add(id);
            } else {
                samples.add(g);
            }
        }
        if (!missing.isEmpty()) {
            throw subset.missing(missing, json.toString());
        }
        return GroundTruthSet.of(samples, json + " restricted to " + idsSubset);
    }

    /**
     * SSL-Align's name for a VGG-SS clip ({@code vgg_filename} in its datasets.py):
     * {@code "zpWuikVorYg_000032"} → {@code "zpWuikVorYg_32000_42000"}. Empty if the name does not
     * have digits after its 12th character.
     */
    public static Optional<String> sslAlignName(String file) {
        if (file.length() <= 12 || file.length() > 12 + 15) {
            return Optional.empty();
        }
        String digits = file.substring(12);
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
        }
        long start = Long.parseLong(digits);
        return Optional.of(file.substring(0, 11) + "_" + start * 1000 + "_" + (start + 10) * 1000);
    }

    private static Map<String, GroundTruth> readAll(Path json) {
        Map<String, GroundTruth> byFile = new LinkedHashMap<>();
        List<String> duplicates = new ArrayList<>();
        SslAlignListJson.forEach(json, e -> {
            GroundTruth g = sample(json, e);
            if (byFile.putIfAbsent(g.id(), g) != null) {
                duplicates.add(g.id());
            }
        });
        if (!duplicates.isEmpty()) {
            throw new InputException(json + " has " + duplicates.size() + " duplicated 'file' value(s): "
                    + Problems.ids(duplicates));
        }
        return byFile;
    }

    private static GroundTruth sample(Path json, SslAlignListJson.Entry e) {
        String id = SslAlignListJson.requireText(json, e, "file");
        String where = json + ": entry " + e.index() + " (" + id + ")";
        JsonNode boxes = e.node().get("bbox");
        if (boxes == null) {
            throw new InputException(where + " has no field 'bbox'");
        }
        if (!boxes.isArray()) {
            throw new InputException(where + ": bbox is " + boxes.getNodeType() + ", expected a list of [x1, y1, x2, y2]");
        }
        List<PixelBox> pixelBoxes = new ArrayList<>(boxes.size());
        for (int b = 0; b < boxes.size(); b++) {
            pixelBoxes.add(box(boxes.get(b), where + ": bbox[" + b + "]"));
        }
        return GroundTruth.positive(id, GtMap.union(pixelBoxes), pixelBoxes.size());
    }

    private static PixelBox box(JsonNode box, String where) {
        if (!box.isArray() || box.size() != 4) {
            throw new InputException(where + " is " + (box.isArray() ? "a list of " + box.size() + " values"
                    : box.getNodeType().toString()) + ", expected [x1, y1, x2, y2]");
        }
        int[] c = new int[4];
        for (int i = 0; i < 4; i++) {
            c[i] = toPixel(JsonNumbers.finiteDouble(box.get(i), where + "[" + i + "]"));
        }
        return new PixelBox(c[0], c[1], c[2], c[3]);
    }

    /** {@code int(np.clip(v, 0, 1) * 224)}: clip, binary64 product, truncation. */
    static int toPixel(double v) {
        return (int) (Math.min(Math.max(v, 0.0), 1.0) * Grid.SIZE);
    }
}
