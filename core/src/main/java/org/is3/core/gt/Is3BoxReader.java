package org.is3.core.gt;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;

/**
 * Reads an SSLalignment list JSON with one box per entry: IS3's {@code synthetic3240_bbox.json}
 * (and the same layout of VPO and AVSBench {@code *_box.json}). Each entry is
 * {@code {"image": path, "audio": path, "gt_box": [x1, y1, x2, y2]}} with the box in pixels of the
 * 224×224 frame, written as floats with integral values.
 *
 * <p>As SSLalignment's {@code load_all_bboxes} (format {@code is3}) and {@code bbox2gtmap}
 * (metrics.md §1): each coordinate is truncated to int (Python {@code int()}), the box is
 * rasterised with slice semantics into a binary map. The sample id is the stem of {@code image}.
 * The order is the file's order, as SSLalignment's IS3 loader iterates the JSON list.
 *
 * <p>{@code [0,0,0,0]} gives an empty map on a positive sample. Its {@code boxCount} is 1: SLAVC's
 * test loop counts the rows of the box tensor whose xmin is ≥ 0 ({@code bb[bb[:, 0] >= 0]}), so a
 * zero box counts as a box and the sample is "visible" with an empty GT (cIoU 0, or NaN for an
 * empty prediction). Only a box with xmin &lt; 0 would count 0 there.
 */
public final class Is3BoxReader {
    private Is3BoxReader() {
    }

    /** All entries of the file, in file order. */
    public static GroundTruthSet read(Path json) {
        List<GroundTruth> samples = new ArrayList<>();
        SslAlignListJson.forEach(json, e -> samples.add(sample(json, e)));
        return GroundTruthSet.of(samples, json.toString());
    }

    private static GroundTruth sample(Path json, SslAlignListJson.Entry e) {
        String id = SslAlignListJson.imageStem(SslAlignListJson.requireText(json, e, "image"));
        String where = json + ": entry " + e.index() + " (" + id + ")";
        if (id.isEmpty()) {
            throw new InputException(where + ": field 'image' gives an empty sample id");
        }
        PixelBox box = box(e.node().get("gt_box"), where);
        return GroundTruth.positive(id, GtMap.union(List.of(box)), box.xmin() >= 0 ? 1 : 0);
    }

    /** {@code gt_box} as a pixel box: a list of exactly four numbers, each truncated like Python's int(). */
    static PixelBox box(JsonNode gtBox, String where) {
        if (gtBox == null) {
            throw new InputException(where + " has no field 'gt_box'");
        }
        if (!gtBox.isArray()) {
            throw new InputException(where + ": gt_box is " + gtBox.getNodeType() + ", expected a list [x1, y1, x2, y2]");
        }
        if (gtBox.size() != 4) {
            throw new InputException(where + ": gt_box has " + gtBox.size() + " values, expected 4 [x1, y1, x2, y2]");
        }
        int[] c = new int[4];
        for (int i = 0; i < 4; i++) {
            c[i] = JsonNumbers.pythonInt(gtBox.get(i), where + ": gt_box[" + i + "]");
        }
        return new PixelBox(c[0], c[1], c[2], c[3]);
    }
}
