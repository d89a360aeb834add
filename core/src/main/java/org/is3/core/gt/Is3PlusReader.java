package org.is3.core.gt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;

/**
 * Reads the ground truth of an IS3+ release directory (docs/release-format.md): its
 * {@code synthetic_bbox.json} in the SSLalignment list layout. An entry without a {@code negative}
 * field is a positive instance read exactly as {@link Is3BoxReader} reads IS3 (id = image stem, box
 * GT). An entry with {@code "negative": "silence" | "noise" | "offscreen"} is that instance's negative
 * audio (datasets.md "IS3+"): it names its positive in {@code instance}, shows the positive's image,
 * and its id is the stem of its {@code audio} path, which must be {@code <instance>_<type>}; its GT is
 * empty with no box (its {@code gt_box} is kept only for the reference loaders and not read). The
 * order is the file's order.
 */
public final class Is3PlusReader {
    /** The ground-truth file inside a release directory. */
    public static final String BOX_FILE = "synthetic_bbox.json";

    private Is3PlusReader() {
    }

    /** All entries of the release's {@value #BOX_FILE}, in file order. */
    public static GroundTruthSet read(Path releaseDir) {
        if (!Files.isDirectory(releaseDir)) {
            throw new InputException("the is3plus format reads a release directory; " + releaseDir
                    + " is not a directory");
        }
        Path json = releaseDir.resolve(BOX_FILE);
        if (!Files.isRegularFile(json)) {
            throw new InputException("release directory " + releaseDir + " has no " + BOX_FILE);
        }
        List<GroundTruth> samples = new ArrayList<>();
        Map<String, String> positiveImages = new HashMap<>();
        List<Negative> negatives = new ArrayList<>();
        SslAlignListJson.forEach(json, e -> {
            String image = SslAlignListJson.requireText(json, e, "image");
            if (e.node().get("negative") == null) {
                GroundTruth g = positive(json, e, image);
                positiveImages.putIfAbsent(g.id(), image);
                samples.add(g);
            } else {
                Negative n = negative(json, e, image);
                negatives.add(n);
                samples.add(n.sample());
            }
        });
        for (Negative n : negatives) {
            n.checkAgainst(positiveImages);
        }
        return GroundTruthSet.of(samples, json.toString());
    }

    private static GroundTruth positive(Path json, SslAlignListJson.Entry e, String image) {
        String id = SslAlignListJson.imageStem(image);
        String where = json + ": entry " + e.index() + " (" + id + ")";
        if (id.isEmpty()) {
            throw new InputException(where + ": field 'image' gives an empty sample id");
        }
        PixelBox box = Is3BoxReader.box(e.node().get("gt_box"), where);
        return GroundTruth.positive(id, GtMap.union(List.of(box)), box.xmin() >= 0 ? 1 : 0);
    }

    private static Negative negative(Path json, SslAlignListJson.Entry e, String image) {
        String field = SslAlignListJson.requireText(json, e, "negative");
        String instance = SslAlignListJson.requireText(json, e, "instance");
        String id = SslAlignListJson.imageStem(SslAlignListJson.requireText(json, e, "audio"));
        String where = json + ": entry " + e.index() + " (" + id + ")";
        NegativeAudio type = NegativeAudio.fromFieldValue(field).orElseThrow(() -> new InputException(where
                + ": negative type '" + field + "' is unknown; expected one of " + NegativeAudio.validNames()));
        if (!id.equals(type.sampleId(instance))) {
            throw new InputException(where + ": the audio of the " + type.fieldValue() + " negative of instance '"
                    + instance + "' must be named " + type.sampleId(instance) + ".wav, found '" + id + "'");
        }
        return new Negative(where, instance, image,
                new GroundTruth(id, GtMap.empty(), 0, type.kind()));
    }

    /** A negative entry, checked against the positives once the whole file is read. */
    private record Negative(String where, String instance, String image, GroundTruth sample) {
        void checkAgainst(Map<String, String> positiveImages) {
            String positiveImage = positiveImages.get(instance);
            if (positiveImage == null) {
                throw new InputException(where + ": instance '" + instance
                        + "' is not a positive entry of the file (every negative needs its positive)");
            }
            if (!positiveImage.equals(image)) {
                throw new InputException(where + ": image '" + image + "' is not the image of instance '"
                        + instance + "' ('" + positiveImage + "')");
            }
        }
    }
}
