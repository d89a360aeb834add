package org.is3.trainer.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import org.is3.core.audio.Negatives;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.is3.core.grid.Grid;
import org.is3.core.shapes.MaskBox;
import org.is3.core.shapes.SceneObject;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.WorldScene;

/**
 * Writes held-out shapes-world scenes as a small IS3+-style release that {@code --gt-format is3plus}
 * reads (docs/release-format.md): {@code images224/<instance>.png} (224×224, lossless),
 * {@code audio/<id>.wav} (16 kHz mono 16-bit) and {@code synthetic_bbox.json} with, per instance, the
 * positive (the glyph's tight box in the 224 frame) followed by its silence, noise (N(0, 1), the
 * reference level) and off-screen negatives (the sound of a category not in the scene).
 */
public final class ShapesRelease {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ShapesRelease() {
    }

    /** Writes scenes 0..n−1 of {@code source} (which must render at 224) into {@code dir}; returns dir. */
    public static Path write(ShapesSource source, int scenes, long seed, Path dir) {
        try {
            Files.createDirectories(dir.resolve("images224"));
            Files.createDirectories(dir.resolve("audio"));
            ArrayNode list = JSON.createArrayNode();
            SplittableRandom rng = new SplittableRandom(seed);
            List<ShapeCategory> categories = source.world().categories();
            for (int n = 0; n < scenes; n++) {
                WorldScene s = source.scene(n);
                if (s.scene().spec().width() != Grid.SIZE) {
                    throw new IllegalArgumentException("release scenes must be rendered at " + Grid.SIZE + " px");
                }
                for (int t = 0; t < 2; t++) {
                    AvExample ex = source.get(2 * n + t);
                    SceneObject o = t == 0 ? s.scene().a() : s.scene().b();
                    String image = "images224/" + ex.id() + ".png";
                    ImageIO.write(ex.image(), "png", dir.resolve(image).toFile());
                    Wav.write(dir.resolve("audio/" + ex.id() + ".wav"), ex.audio());
                    list.add(entry(image, "audio/" + ex.id() + ".wav", o.box()));
                    ShapeCategory off = offscreen(categories, s, rng);
                    Waveform[] negatives = {Negatives.silence(ex.audio()),
                        Negatives.noise(ex.audio(), rng.nextLong(), Negatives.REFERENCE_NOISE_LEVEL),
                        ShapesSource.sound(off, rng.nextLong())};
                    String[] types = {"silence", "noise", "offscreen"};
                    for (int k = 0; k < 3; k++) {
                        String audio = "audio/" + ex.id() + "_" + types[k] + ".wav";
                        Wav.write(dir.resolve(audio), negatives[k]);
                        ObjectNode neg = entry(image, audio, new MaskBox(0, 0, 0, 0));
                        neg.put("negative", types[k]);
                        neg.put("instance", ex.id());
                        list.add(neg);
                    }
                }
            }
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve("synthetic_bbox.json").toFile(), list);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the shapes release " + dir, e);
        }
    }

    private static ShapeCategory offscreen(List<ShapeCategory> categories, WorldScene s, SplittableRandom rng) {
        if (categories.size() < 3) {
            throw new IllegalArgumentException("off-screen sounds need a world of at least 3 categories");
        }
        while (true) {
            ShapeCategory c = categories.get(rng.nextInt(categories.size()));
            if (!c.equals(s.scene().a().category()) && !c.equals(s.scene().b().category())) {
                return c;
            }
        }
    }

    private static ObjectNode entry(String image, String audio, MaskBox box) {
        ObjectNode e = JSON.createObjectNode();
        e.put("image", image);
        e.put("audio", audio);
        ArrayNode b = e.putArray("gt_box");
        b.add((double) box.xmin()).add((double) box.ymin()).add((double) box.xmax()).add((double) box.ymax());
        return e;
    }
}
