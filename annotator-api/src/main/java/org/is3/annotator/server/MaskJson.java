package org.is3.annotator.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.annotator.mask.ObjectMask;
import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;

/** COCO RLE masks in JSON, as {@code {"size": [height, width], "counts": "…"}}. */
final class MaskJson {
    private MaskJson() {
    }

    static ObjectMask parse(JsonNode node, int height, int width, String field) {
        if (node == null || !node.isObject()) {
            throw new InputException(field + ": expected a COCO RLE object {\"size\": [h, w], \"counts\": \"…\"}");
        }
        JsonNode size = node.get("size");
        if (size == null || !size.isArray() || size.size() != 2) {
            throw new InputException(field + ".size: expected [height, width]");
        }
        int[] hw = {JsonRequest.integer(size.get(0), field + ".size[0]"), JsonRequest.integer(size.get(1), field + ".size[1]")};
        JsonNode counts = node.get("counts");
        if (counts == null || !counts.isTextual()) {
            throw new InputException(field + ".counts: expected the compressed counts string");
        }
        return ObjectMask.parse(height, width, hw, counts.textValue(), field,
                ObjectMask.maxCountsChars(height, width));
    }

    static Map<String, Object> json(CocoRle rle) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", List.of(rle.height(), rle.width()));
        m.put("counts", rle.counts());
        return m;
    }
}
