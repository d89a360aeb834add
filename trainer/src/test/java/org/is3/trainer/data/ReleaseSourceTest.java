package org.is3.trainer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseSourceTest {

    @Test
    void thePublishedIs3ListFindsItsFilesByNameInTheDatasetRoot(@TempDir Path root) throws Exception {
        Path sample = sharedData().resolve("is3_synthetic3240_bbox_sample.json");
        assumeTrue(Files.isRegularFile(sample), "shared/data/is3_synthetic3240_bbox_sample.json is not available");
        ObjectMapper json = new ObjectMapper();
        JsonNode all = json.readTree(sample.toFile());
        ArrayNode two = json.createArrayNode().add(all.get(0)).add(all.get(1));
        Path list = root.resolve("synthetic3240_bbox.json");
        json.writeValue(list.toFile(), two);
        Files.createDirectories(root.resolve("images"));
        Files.createDirectories(root.resolve("audio_wav"));
        for (JsonNode e : two) {
            String image = e.get("image").asText();
            String audio = e.get("audio").asText();
            ImageIO.write(new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB), "jpg",
                    root.resolve("images").resolve(image.substring(image.lastIndexOf('/') + 1)).toFile());
            Wav.write(root.resolve("audio_wav").resolve(audio.substring(audio.lastIndexOf('/') + 1)),
                    new Waveform(new float[1600], 16000));
        }
        ReleaseSource s = ReleaseSource.open(list);
        assertEquals("accordion_female_10438_accordion", s.get(0).id());
        assertEquals(32, s.get(0).image().getWidth());
        assertEquals(1600, s.get(1).audio().length());
    }

    @Test
    void aListWithoutImageOrAudioFieldsIsRejectedNamingTheEntry(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("l.json");
        Files.writeString(list, "[{\"image\": \"a.jpg\"}]");
        InputException e = assertThrows(InputException.class, () -> ReleaseSource.open(list));
        assertTrue(e.getMessage().contains("entry 0") && e.getMessage().contains("'audio'"), e.getMessage());
    }

    /** {@code shared/data} beside the repository, found by walking up from the working directory. */
    static Path sharedData() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path c = p.resolve("shared/data");
            if (Files.isDirectory(c)) {
                return c;
            }
        }
        return Path.of("shared/data");
    }
}
