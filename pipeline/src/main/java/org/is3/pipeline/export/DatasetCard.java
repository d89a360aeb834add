package org.is3.pipeline.export;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The release's {@code README.md}: what it holds, how it was made, how to score on it, and two
 * plots (instances per category, relative box area) written next to it as PNG.
 */
final class DatasetCard {

    static final String INSTANCES_PLOT = "plots/instances_per_category.png";
    static final String AREA_PLOT = "plots/box_area_histogram.png";

    private DatasetCard() {
    }

    static void write(ReleaseFiles files, String run, int version, List<ReleaseImage> images, String audioSource) {
        Map<String, Integer> perCategory = new TreeMap<>();
        int auto = 0;
        int instances = 0;
        double[] areas = images.stream().flatMap(i -> i.instances().stream())
                .mapToDouble(x -> (double) x.object().box()[2] * x.object().box()[3]
                        / ((double) x.object().mask().width() * x.object().mask().height()))
                .toArray();
        for (ReleaseImage img : images) {
            auto += img.image().autoAnnotated() ? 1 : 0;
            for (ReleaseInstance x : img.instances()) {
                perCategory.merge(x.object().category(), 1, Integer::sum);
                instances++;
            }
        }
        files.png(INSTANCES_PLOT, Plots.bars("Instances per category", perCategory));
        files.png(AREA_PLOT, Plots.histogram("Box area / image area", areas, 20, 0, 1));
        StringBuilder md = new StringBuilder();
        md.append("# IS3+ release: ").append(run).append(" v").append(version).append("\n\n");
        md.append("Written by is3 (`./is3 pipeline export`). Layout and fields: is3's docs/release-format.md and\n")
                .append("datasets.md, \"The IS3+ release that is3 writes\".\n\n");
        md.append("| | count |\n|---|---|\n")
                .append("| images | ").append(images.size()).append(" |\n")
                .append("| instances (image + sounding object) | ").append(instances).append(" |\n")
                .append("| categories | ").append(perCategory.size()).append(" |\n")
                .append("| audio clips (positive, silence, noise, off-screen per instance) | ")
                .append(instances * 4).append(" |\n")
                .append("| images auto-annotated (generator's exact masks, no human check) | ").append(auto)
                .append(" |\n")
                .append("| images verified and annotated by people | ").append(images.size() - auto).append(" |\n\n");
        md.append("Audio source of positives and off-screen clips: `").append(audioSource).append("`.\n\n");
        md.append("![instances per category](").append(INSTANCES_PLOT).append(")\n\n");
        md.append("![box area histogram](").append(AREA_PLOT).append(")\n\n");
        md.append("## Files\n\n")
                .append("- `images/<base>.jpg` — the generated image at full resolution\n")
                .append("- `images224/<instance>.jpg` — the 224×224 frame each instance is scored on\n")
                .append("- `masks/<instance>.png` — binary mask (0/255) of the sounding object, full resolution\n")
                .append("- `audio/<id>.wav` — 16 kHz mono 16-bit: `<instance>`, `<instance>_silence`,")
                .append(" `<instance>_noise`, `<instance>_offscreen`\n")
                .append("- `annotations.json` — COCO-style: RLE masks, boxes, categories, audio provenance\n")
                .append("- `synthetic_bbox.json`, `synthetic_seg.json` — SSLalignment list layout\n")
                .append("- `manifest.json` — SHA-256 and size of every file; every generation and pairing choice\n\n");
        md.append("## Scoring\n\n```\n./is3 eval score --gt-format is3plus --gt <this directory> --pred predictions.npz\n```\n\n")
                .append("Positives are scored for localization (cIoU, AUC, IIoU …); the silence, noise and\n")
                .append("off-screen samples for the negative-audio metrics (metrics.md §7).\n\n")
                .append("Check the files against the manifest with `./is3 pipeline verify --release <this directory>`.\n");
        files.text("README.md", md.toString());
    }
}
