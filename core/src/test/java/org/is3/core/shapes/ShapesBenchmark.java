package org.is3.core.shapes;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Measures the shapes generator: images/s of 1024×1024 scenes (masks included) and clips/s of 10 s
 * 16 kHz signatures. Run from the core module with the test classpath:
 * {@code java -cp target/classes:target/test-classes org.is3.core.shapes.ShapesBenchmark [n] [pngDir]};
 * with a directory it also writes the first scenes there as PNG for a look.
 */
public final class ShapesBenchmark {

    private ShapesBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        ShapesWorld world = ShapesWorld.of(32, 1L);
        for (int i = 0; i < 5; i++) {
            world.scene(i, 99L);
        }
        long t0 = System.nanoTime();
        long pixels = 0;
        for (int i = 0; i < n; i++) {
            WorldScene s = world.scene(i, 7L);
            pixels += s.scene().a().visibleArea() + s.scene().b().visibleArea();
            if (args.length > 1 && i < 8) {
                Path dir = Files.createDirectories(Path.of(args[1]));
                ImageIO.write(s.scene().image(), "png", dir.resolve(s.base() + ".png").toFile());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        System.out.printf("scenes 1024x1024: %d in %.2f s = %.1f images/s (%d object pixels)%n",
                n, seconds, n / seconds, pixels);
        long t1 = System.nanoTime();
        int clips = 40;
        for (int i = 0; i < clips; i++) {
            SoundSignature.synthesize(world.categories().get(i % 32), i, 10.0, 16000);
        }
        double audio = (System.nanoTime() - t1) / 1e9;
        System.out.printf("signatures 10 s @ 16 kHz: %d in %.2f s = %.1f clips/s%n", clips, audio, clips / audio);
    }
}
