package org.is3.trainer.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportTest {

    @Test
    void aReopenedLogAppendsAndKeepsEarlierRowsForThePlots(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("log.csv");
        try (CsvLog log = new CsvLog(f, List.of("step", "loss"))) {
            log.add(1, 2.5);
            log.add(2, Double.NaN);
        }
        try (CsvLog log = new CsvLog(f, List.of("step", "loss"))) {
            log.add(3, 1.25);
            assertEquals(3, log.rows().size());
            assertTrue(Double.isNaN(log.rows().get(1)[1]));
        }
        assertEquals(List.of("step,loss", "1,2.5", "2,", "3,1.25"), Files.readAllLines(f));
    }

    @Test
    void plotsArePngsWithTheCurvesDrawn(@TempDir Path dir) throws Exception {
        Path png = dir.resolve("p.png");
        LinePlot.write(png, "t", List.of("step", "a", "b"),
                List.of(new double[] {0, 1, 5}, new double[] {1, 0.5, 4}, new double[] {2, 0.2, Double.NaN}), "step",
                List.of("a", "b"));
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(800, img.getWidth());
        int coloured = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y) & 0xFFFFFF;
                int r = rgb >> 16;
                int g = rgb >> 8 & 0xFF;
                int b = rgb & 0xFF;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 80 ? 1 : 0;
            }
        }
        assertTrue(coloured > 300, "curve pixels: " + coloured);
    }
}
