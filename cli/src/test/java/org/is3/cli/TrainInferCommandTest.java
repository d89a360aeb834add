package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code is3 train} → {@code is3 infer} → {@code is3 eval score --gt-format is3plus}, on toy sizes. */
class TrainInferCommandTest {

    record Run(int code, String out, String err) {
    }

    static Run is3(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void aTrainedCheckpointsPredictionsAreScoredByEvalScore(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("train.yaml");
        Files.writeString(config, String.join("\n",
                "out: run",
                "steps: 2",
                "batchSize: 4",
                "threads: 1",
                "model: {width: 0.0625, projectionDim: 8, imageSize: 64, audioFrames: 24}",
                "data: {kind: shapes, categories: 4, scenes: 4}",
                "validation: {scenes: 2}",
                "positives: {mode: none}",
                "negatives: {rate: 0.5}",
                ""));
        Run train = is3("train", "--config", config.toString());
        assertEquals(0, train.code(), train.err());
        assertTrue(train.out().contains("step 2 validation: cIoU"), train.out());
        Path ckpt = dir.resolve("run/checkpoints/step-00000002.ckpt");
        assertTrue(Files.exists(ckpt));
        Path release = dir.resolve("run/validation-release");
        Path pred = dir.resolve("pred.npz");
        Run infer = is3("infer", "--checkpoint", ckpt.toString(), "--data", release.toString(), "--out", pred.toString(),
                "--embeddings", "--threads", "1");
        assertEquals(0, infer.code(), infer.err());
        assertTrue(Files.exists(dir.resolve("pred_visual_emb.npz")));
        Run score = is3("eval", "score", "--gt", release.toString(), "--gt-format", "is3plus", "--pred", pred.toString(),
                "--json");
        assertEquals(0, score.code(), score.err());
        JsonNode m = new ObjectMapper().readTree(score.out());
        assertEquals(4, m.get("n").asInt());
        assertEquals(2, m.get("n_groups").asInt());
        assertEquals(4, m.get("n_negative_audio").asInt());
    }

    @Test
    void aBadConfigIsAUserErrorNamingTheKey(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("bad.yaml");
        Files.writeString(config, "stesp: 3\n");
        Run r = is3("train", "--config", config.toString());
        assertEquals(2, r.code(), "a user error exits 2");
        assertTrue(r.err().contains("stesp"), r.err());
    }
}
