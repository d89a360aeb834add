package org.is3.annotator.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.is3.core.InputException;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.SceneGenerator;
import org.is3.core.shapes.ShapesWorld;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code sam} segmenter on the models module's tiny random-weight SAM fixture. */
class SamSegmenterTest {

    private static final Path MODEL = Path.of("../models/src/test/resources/fixtures/sam-tiny");

    @TempDir
    Path home;

    @Test
    void clicksGiveImageSizedMasksAndTheEmbeddingIsCachedUnderTheHome() throws Exception {
        var cats = ShapesWorld.categories(2, 1);
        Scene scene = SceneGenerator.render(cats.get(0), cats.get(1), 4, 96, 80);
        BufferedImage image = scene.image();
        try (Segmenter sam = Segmenters.create("sam", new SegmenterSettings(home, Map.of("model-dir", MODEL.toString())))) {
            assertEquals("sam", sam.name());
            SegmentRequest first = new SegmentRequest("img-1", image, List.of(new Click(40, 30, true)),
                    Optional.empty(), Optional.empty());
            Proposal p1 = sam.propose(first);
            assertEquals(96 * 80, p1.mask().length);
            SegmentRequest second = new SegmentRequest("img-1", image,
                    List.of(new Click(40, 30, true), new Click(5, 5, false)),
                    Optional.of(new PromptBox(10, 10, 50, 40)), Optional.of(p1.mask()));
            assertEquals(96 * 80, sam.segment(second).length);
        }
        try (Stream<Path> files = Files.walk(home.resolve("cache/sam"))) {
            assertEquals(1, files.filter(f -> f.toString().endsWith(".ndlist")).count(), "one embedding per image");
        }
    }

    @Test
    void aMissingModelDirectoryIsNamed() {
        InputException e = assertThrows(InputException.class, () -> Segmenters.create("sam",
                new SegmenterSettings(home, Map.of())));
        assertTrue(e.getMessage().contains(home.resolve("models/sam").toString()), e.getMessage());
    }
}
