package org.is3.pipeline.importer;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.core.rle.CocoRle;
import org.is3.core.scoring.Progress;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.CategorySource;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.ObjectStore;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.Transactions;

/**
 * Import IS3 (issue 4, stage 7): reads a published IS3 directory — {@code images/<instance>.jpg}
 * (one picture per instance), {@code gt_segmentation/<instance>.(png|jpg)} and
 * {@code audio_wav/<instance>.wav} (datasets.md) — into a run whose images are already ANNOTATED
 * (masks source {@code import}), so the pairing stage adds the silence, noise and off-screen
 * negatives (each instance keeps its own clip) and export writes IS3+ without regenerating anything.
 * Instances are the masks' file stems; an image's categories are the targets of its instances
 * (names split on the last underscore, datasets.md). Importing again adds only what is missing.
 */
public final class Is3Importer {

    /** What an import found and stored. */
    public record Result(long runId, int images, int instances, int newImages) {
    }

    private static final String IMPORTER = "import";
    private static final int MASK_THRESHOLD = 128;

    private final DataSource dataSource;
    private final PipelineStore store;
    private final Path home;

    public Is3Importer(DataSource dataSource, Path home) {
        this.dataSource = dataSource;
        this.store = new PipelineStore(dataSource);
        this.home = home.toAbsolutePath().normalize();
    }

    public Result importDir(Path is3, String runName, long seed, Progress progress) {
        Path dir = is3.toAbsolutePath().normalize();
        Map<String, List<String>> byBase = instances(dir);
        Path runDir = home.resolve("runs").resolve(runName);
        Path clips = runDir.resolve("is3_audio");
        Path classes = runDir.resolve("classes.txt");
        Set<String> categories = new LinkedHashSet<>();
        byBase.values().forEach(l -> l.forEach(i -> categories.add(target(i))));
        try {
            Files.createDirectories(clips);
            Files.write(classes, new ArrayList<>(new java.util.TreeSet<>(categories)));
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + classes + ": " + e.getMessage(), e);
        }
        RunConfig config = RunConfig.of(runName, seed, CategorySource.file(classes)).withGenerator(IMPORTER)
                .withAudio(new AudioConfig(AudioConfig.IS3, clips, null, AudioConfig.DEFAULT_PATTERN,
                        AudioConfig.DEFAULT_SECONDS, AudioConfig.REFERENCE_NOISE_LEVEL));
        long runId = store.createRun(runName, seed, RunConfigReader.toYaml(config));
        int done = 0;
        int added = 0;
        int instances = 0;
        for (Map.Entry<String, List<String>> e : byBase.entrySet()) {
            added += importImage(dir, runId, runDir, clips, e.getKey(), e.getValue()) ? 1 : 0;
            instances += e.getValue().size();
            progress.update(++done, byBase.size());
        }
        store.clearFailures(runId);
        return new Result(runId, byBase.size(), instances, added);
    }

    /** Instances by image base, from the masks directory. */
    private static Map<String, List<String>> instances(Path dir) {
        Path masks = dir.resolve("gt_segmentation");
        for (String sub : List.of("images", "gt_segmentation", "audio_wav")) {
            if (!Files.isDirectory(dir.resolve(sub))) {
                throw new InputException(dir + " is not an IS3 directory: " + sub + "/ is missing"
                        + " (expected images/, gt_segmentation/, audio_wav/)");
            }
        }
        Map<String, List<String>> byBase = new TreeMap<>();
        try (Stream<Path> files = Files.list(masks)) {
            files.map(p -> p.getFileName().toString()).filter(n -> n.matches(".+_[^_]+\\.(png|jpg|jpeg)"))
                    .sorted().forEach(n -> {
                        String id = n.substring(0, n.lastIndexOf('.'));
                        byBase.computeIfAbsent(id.substring(0, id.lastIndexOf('_')), k -> new ArrayList<>()).add(id);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException("listing " + masks + ": " + e.getMessage(), e);
        }
        if (byBase.isEmpty()) {
            throw new InputException(masks + " holds no <image>_<target>.png/.jpg masks");
        }
        return byBase;
    }

    private boolean importImage(Path dir, long runId, Path runDir, Path clips, String base, List<String> ids) {
        if (store.image(runId, base).isPresent()) {
            return false;
        }
        Path picture = dir.resolve("images").resolve(ids.get(0) + ".jpg");
        BufferedImage img = read(picture);
        List<ObjectStore.NewObject> objects = new ArrayList<>();
        for (String id : ids) {
            objects.add(new ObjectStore.NewObject(target(id), mask(dir, id, img.getWidth(), img.getHeight())));
            copy(dir.resolve("audio_wav").resolve(id + ".wav"), clips.resolve(id + ".wav"));
        }
        Path stored = runDir.resolve("images").resolve(base + ".jpg");
        copy(picture, stored);
        String c1 = target(ids.get(0));
        String c2 = ids.size() > 1 ? target(ids.get(1)) : otherCategory(base, c1);
        String sql = "INSERT INTO pipeline_image (run_id, base, c1, c2, prompt, seed, state, generator, image_path,"
                + " verified_by, verified_at) VALUES (?, ?, ?, ?, ?, 0, 'ANNOTATED', 'import', ?, 'import', now())"
                + " ON CONFLICT (run_id, base) DO NOTHING";
        String where = "importing " + base;
        return Transactions.run(dataSource, where, c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                s.setLong(1, runId);
                s.setString(2, base);
                s.setString(3, c1);
                s.setString(4, c2);
                s.setString(5, "(imported from IS3: " + dir.getFileName() + ")");
                s.setString(6, home.relativize(stored).toString());
                if (s.executeUpdate() != 1) {
                    return false;
                }
            }
            new ObjectStore(dataSource).insertImported(c, runId, base, objects);
            return true;
        });
    }

    /** The mask image binarised at half scale (IS3's masks are JPEG: grey edges), at the image's size. */
    private static CocoRle mask(Path dir, String id, int width, int height) {
        Path png = dir.resolve("gt_segmentation").resolve(id + ".png");
        Path file = Files.exists(png) ? png : dir.resolve("gt_segmentation").resolve(id + ".jpg");
        BufferedImage m = read(file);
        if (m.getWidth() != width || m.getHeight() != height) {
            throw new InputException(file + ": mask is " + m.getWidth() + "×" + m.getHeight() + ", its image "
                    + width + "×" + height);
        }
        Raster r = m.getRaster();
        boolean[] mask = new boolean[width * height];
        int[] px = new int[r.getNumBands()];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                mask[y * width + x] = r.getPixel(x, y, px)[0] >= MASK_THRESHOLD;
            }
        }
        return CocoRle.encode(mask, height, width);
    }

    static String target(String instance) {
        return instance.substring(instance.lastIndexOf('_') + 1);
    }

    /** {@code <c1>_<c2>[_<n>]}: the token of the base that is not the known category nor the number. */
    static String otherCategory(String base, String known) {
        String[] parts = base.split("_");
        for (String p : parts) {
            if (!p.equals(known) && !p.matches("[0-9]+")) {
                return p;
            }
        }
        return known;
    }

    private static BufferedImage read(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) {
                throw new InputException(file + " is not a readable image");
            }
            return img;
        } catch (IOException e) {
            throw new InputException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static void copy(Path from, Path to) {
        if (!Files.isRegularFile(from)) {
            throw new InputException(from + " is missing");
        }
        try {
            Files.createDirectories(to.getParent());
            Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("copying " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
