package org.is3.pipeline.export;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.core.scoring.Progress;
import org.is3.pipeline.plan.Category;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.AudioStore;
import org.is3.pipeline.store.ImageState;
import org.is3.pipeline.store.ObjectStore;
import org.is3.pipeline.store.PipelineStore;
import org.is3.pipeline.store.ReleaseStore;
import org.is3.pipeline.store.StoredAudio;
import org.is3.pipeline.store.StoredImage;
import org.is3.pipeline.store.StoredObject;

/**
 * Export (issue 4, stage 6): writes every PAIRED (or earlier RELEASED) image of a run as a versioned
 * IS3+ release directory and marks those images RELEASED with the version. The release is written
 * into a hidden staging directory next to {@code out} and renamed into place only when complete, so
 * an interrupted export never leaves a partial release under the real name.
 */
public final class ReleaseWriter {

    private final PipelineStore store;
    private final ObjectStore objects;
    private final AudioStore audio;
    private final ReleaseStore releases;
    private final Path home;

    public ReleaseWriter(DataSource dataSource, Path home) {
        this.store = new PipelineStore(dataSource);
        this.objects = new ObjectStore(dataSource);
        this.audio = new AudioStore(dataSource);
        this.releases = new ReleaseStore(dataSource);
        this.home = home.toAbsolutePath().normalize();
    }

    /**
     * @throws InputException for an unknown run, a run with nothing paired yet, or an {@code out} that
     *     exists and is not an empty directory
     */
    public ReleaseStore.Release write(String runName, Path out, Progress progress) {
        long runId = store.runId(runName).orElseThrow(() -> new InputException("no pipeline run named '" + runName
                + "'; known runs: " + store.runs().values()));
        Path target = out.toAbsolutePath().normalize();
        checkTarget(target);
        RunConfig config = RunConfigReader.parse(store.runConfig(runId).orElseThrow(), null, "run " + runName);
        List<StoredImage> ready = store.images(runId).stream()
                .filter(i -> i.state() == ImageState.PAIRED || i.state() == ImageState.RELEASED)
                .toList();
        if (ready.isEmpty()) {
            throw new InputException("run " + runName + " has no paired image to release yet; states: "
                    + store.counts(runId).byState());
        }
        int version = releases.nextVersion(runId);
        Path staging = staging(target);
        try {
            List<ReleaseImage> images = writeFiles(new ReleaseFiles(staging), ready, progress);
            ReleaseFiles files = new ReleaseFiles(staging);
            files.json("annotations.json", ReleaseJson.annotations(runName, version, images, labels(config)));
            files.json("synthetic_bbox.json", ReleaseJson.syntheticBbox(images));
            files.json("synthetic_seg.json", ReleaseJson.syntheticSeg(images));
            DatasetCard.write(files, runName, version, images, config.audio().source());
            String manifestSha = writeManifest(staging, runName, version, RunConfigReader.toYaml(config), images);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            int instances = images.stream().mapToInt(i -> i.instances().size()).sum();
            ReleaseStore.Release release = new ReleaseStore.Release(runId, version, target.toString(), images.size(),
                    instances, manifestSha);
            releases.record(release, images.stream().map(ReleaseImage::base).toList());
            return release;
        } catch (IOException e) {
            throw new UncheckedIOException("writing release " + target + " failed: " + e.getMessage(), e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private List<ReleaseImage> writeFiles(ReleaseFiles files, List<StoredImage> ready, Progress progress)
            throws IOException {
        List<ReleaseImage> out = new ArrayList<>();
        for (StoredImage s : ready) {
            String base = s.planned().base();
            BufferedImage picture = ImageIO.read(home.resolve(s.imagePath()).toFile());
            if (picture == null) {
                throw new IllegalStateException(home.resolve(s.imagePath()) + " is not a readable image");
            }
            List<StoredAudio> clips = audio.audio(s.runId(), base);
            List<ReleaseInstance> instances = new ArrayList<>();
            for (StoredObject o : objects.objects(s.runId(), base)) {
                List<StoredAudio> own = clips.stream().filter(a -> a.instance().equals(o.instance())).toList();
                if (own.size() != 4) {
                    throw new IllegalStateException("instance " + o.instance() + " has " + own.size()
                            + " clips in the database, expected 4");
                }
                ReleaseInstance x = new ReleaseInstance(o.instance(), o, ReleaseInstance.box224(o), own);
                files.png(ReleaseJson.mask(x), maskImage(o));
                for (StoredAudio a : own) {
                    files.copy(ReleaseJson.audio(a.audioId()), home.resolve(a.path()));
                }
                instances.add(x);
            }
            ReleaseImage img = new ReleaseImage(s, picture.getWidth(), picture.getHeight(), instances);
            files.jpeg(ReleaseJson.image(img), picture);
            BufferedImage frame = ReleaseFiles.resized(picture, ReleaseInstance.FRAME);
            for (ReleaseInstance x : instances) {
                files.jpeg(ReleaseJson.frame(x), frame);
            }
            out.add(img);
            progress.update(out.size(), ready.size());
        }
        return out;
    }

    /** manifest.json: every other file with its size and SHA-256; returns the manifest's own SHA-256. */
    private static String writeManifest(Path root, String run, int version, String config, List<ReleaseImage> images)
            throws IOException {
        ObjectNode manifest = ReleaseJson.manifest(run, version, config, images);
        ArrayNode list = manifest.putArray("files");
        List<Path> all;
        try (Stream<Path> walk = Files.walk(root)) {
            all = walk.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : all) {
            list.addObject().put("path", root.relativize(f).toString().replace('\\', '/'))
                    .put("bytes", Files.size(f)).put("sha256", ReleaseFiles.sha256(f));
        }
        ReleaseFiles files = new ReleaseFiles(root);
        files.json(ReleaseVerifier.MANIFEST, manifest);
        return ReleaseFiles.sha256(root.resolve(ReleaseVerifier.MANIFEST));
    }

    private static BufferedImage maskImage(StoredObject o) {
        int w = o.mask().width();
        int h = o.mask().height();
        boolean[] mask = o.mask().decode();
        byte[] pixels = new byte[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = mask[i] ? (byte) 255 : 0;
        }
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
        img.getRaster().setDataElements(0, 0, w, h, pixels);
        return img;
    }

    private static Map<String, String> labels(RunConfig config) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Category c : config.categories().load(config.seed())) {
            out.put(c.token(), c.label());
        }
        return out;
    }

    private static void checkTarget(Path target) {
        if (Files.exists(target)) {
            boolean empty;
            try (Stream<Path> s = Files.list(target)) {
                empty = s.findAny().isEmpty();
            } catch (IOException e) {
                throw new InputException("release directory " + target + " exists and is not a readable directory");
            }
            if (!empty) {
                throw new InputException("release directory " + target + " exists and is not empty;"
                        + " give a new directory for each release");
            }
            try {
                Files.delete(target);
            } catch (IOException e) {
                throw new InputException("release directory " + target + " cannot be replaced: " + e.getMessage());
            }
        }
    }

    private static Path staging(Path target) {
        try {
            Files.createDirectories(target.getParent());
            return Files.createTempDirectory(target.getParent(), "." + target.getFileName() + ".part-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a staging directory next to " + target + ": "
                    + e.getMessage(), e);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover hidden staging directory is harmless; the release itself is complete or absent
        }
    }
}
