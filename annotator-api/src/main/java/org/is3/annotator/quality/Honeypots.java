package org.is3.annotator.quality;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import javax.imageio.ImageIO;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;
import org.is3.core.rle.CocoRle;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Honeypots (peers.md, quality control): shapes-world scenes whose exact masks are known, stored
 * as PNGs under {@code <home>/annotator/honeypots} with opaque file names, their prompts filled
 * from the paper's templates, so that they look like any generated image to an annotator.
 */
public final class Honeypots {
    private static final Logger LOG = LoggerFactory.getLogger(Honeypots.class);
    private static final List<String> TEMPLATES = List.of(
            "a photo of a {c1} and {c2}", "{c1} is next to {c2}", "{c1} is playing a {c2}");
    private static final int CATEGORIES = 16;

    private Honeypots() {
    }

    /**
     * Makes sure {@code count} honeypots exist, rendering the missing ones at {@code size}×{@code size}
     * from the world of {@code seed}; returns how many were added.
     */
    public static int ensure(DataSource dataSource, Path home, int count, int size, long seed) {
        int existing = Jdbc.read(dataSource, "counting honeypots", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT count(*) FROM annot_honeypot");
                 ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        });
        if (existing >= count) {
            return 0;
        }
        ShapesWorld world = ShapesWorld.of(CATEGORIES, seed).withSize(size, size);
        Path dir = home.resolve("annotator/honeypots");
        int added = 0;
        for (int index = 0; added < count - existing && index < count * 4; index++) {
            WorldScene ws = world.scene(index, seed);
            if (store(dataSource, home, dir, ws, seed)) {
                added++;
            }
        }
        LOG.info("{} honeypots added ({} now)", added, existing + added);
        return added;
    }

    private static boolean store(DataSource dataSource, Path home, Path dir, WorldScene ws, long seed) {
        Scene scene = ws.scene();
        String c1 = scene.a().category().name();
        String c2 = scene.b().category().name();
        SplittableRandom rng = new SplittableRandom(ws.seed());
        String prompt = TEMPLATES.get(rng.nextInt(TEMPLATES.size())).replace("{c1}", c1).replace("{c2}", c2);
        String file = HexFormat.of().toHexDigits(rng.nextLong()) + ".png";
        Path png = dir.resolve(file);
        try {
            Files.createDirectories(dir);
            ImageIO.write(scene.image(), "png", png.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write honeypot image " + png, e);
        }
        int w = scene.spec().width();
        int h = scene.spec().height();
        return Jdbc.inTransaction(dataSource, "storing honeypot " + ws.base(), c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_honeypot (seed, c1, c2, prompt, width,"
                    + " height, image_path, mask_c1, mask_c2) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (seed) DO NOTHING")) {
                s.setLong(1, ws.seed());
                s.setString(2, c1);
                s.setString(3, c2);
                s.setString(4, prompt);
                s.setInt(5, w);
                s.setInt(6, h);
                s.setString(7, home.relativize(png).toString());
                s.setString(8, CocoRle.encode(scene.a().mask(), h, w).counts());
                s.setString(9, CocoRle.encode(scene.b().mask(), h, w).counts());
                return s.executeUpdate() == 1;
            }
        });
    }
}
