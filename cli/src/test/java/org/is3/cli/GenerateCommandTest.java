package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code is3 generate} and {@code is3 bench sd} on the models module's tiny fixture, on the CPU. */
class GenerateCommandTest {

    static final String MODEL = Path.of("../models/src/test/resources/fixtures/sd-tiny").toString();

    record Run(int code, String out, String err) {
    }

    static Run is3(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void generateWritesThePngAndItsParameterRecord(@TempDir Path dir) throws IOException {
        Path png = dir.resolve("cat.png");
        Run r = is3("generate", "--device", "cpu", "--model-dir", MODEL, "--prompt", "a photo of a cat",
                "--negative", "blurry", "--seed", "12", "--steps", "3", "--guidance", "5", "--scheduler", "ddim",
                "--out", png.toString());
        assertEquals(0, r.code(), r.err());
        BufferedImage img = ImageIO.read(png.toFile());
        assertEquals(64, img.getWidth());
        assertEquals(64, img.getHeight());
        JsonNode record = new ObjectMapper().readTree(dir.resolve("cat.json").toFile());
        assertEquals("a photo of a cat", record.get("prompt").asText());
        assertEquals("blurry", record.get("negative_prompt").asText());
        assertEquals(12, record.get("seed").asLong());
        assertEquals(3, record.get("steps").asInt());
        assertEquals(5.0, record.get("guidance").asDouble());
        assertEquals("ddim", record.get("scheduler").asText());
        assertEquals(64, record.get("model_sha256").asText().length());
        assertTrue(r.out().contains("seed 12"), r.out());
    }

    @Test
    void userErrorsAreOneLine(@TempDir Path dir) {
        Run r = is3("generate", "--device", "cpu", "--model-dir", dir.toString(), "--prompt", "x",
                "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().startsWith("is3: Stable Diffusion model directory"), r.err());
        r = is3("generate", "--device", "cpu", "--model-dir", MODEL, "--prompt", "x", "--scheduler", "lms",
                "--out", dir.resolve("x.png").toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("ddim, pndm or euler"), r.err());
    }

    @Test
    void benchSdReportsUnetAndEndToEndTimes() {
        Run r = is3("bench", "sd", "--device", "cpu", "--model-dir", MODEL, "--runs", "2");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("UNet call: median"), r.out());
        assertTrue(r.out().contains("end to end: median"), r.out());
        assertTrue(r.out().contains("5 UNet calls per image"), r.out());
    }
}
