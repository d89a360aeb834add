package org.is3.trainer.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke training on the shapes world at toy sizes: logs, plots, checkpoints, validation, resume. */
class TrainerTest {

    static String config(Path out, int steps) {
        return String.join("\n",
                "out: " + out,
                "steps: " + steps,
                "batchSize: 4",
                "seed: 3",
                "threads: 1",
                "checkpointEvery: 2",
                "validateEvery: 0",
                "model: {width: 0.0625, projectionDim: 8, imageSize: 64, audioFrames: 24}",
                "data: {kind: shapes, categories: 4, scenes: 4}",
                "validation: {scenes: 2}",
                "positives: {mode: bootstrap, k: 3}",
                "negatives: {rate: 0.5, weight: 1.0}",
                "");
    }

    static TrainConfig parse(Path out, int steps) {
        return TrainConfig.parse(config(out, steps), out);
    }

    @Test
    void aSmokeRunWritesLogsPlotsCheckpointsAndValidation(@TempDir Path dir) throws IOException {
        Path last = new Trainer(parse(dir, 3), TrainListener.NONE).run();
        assertEquals(dir.resolve("checkpoints/step-00000003.ckpt"), last);
        assertTrue(Files.exists(dir.resolve("checkpoints/step-00000002.ckpt")));
        List<String> log = Files.readAllLines(dir.resolve("train.csv"));
        assertEquals(String.join(",", Trainer.TRAIN_COLUMNS), log.get(0));
        assertEquals(4, log.size());
        assertTrue(Files.size(dir.resolve("loss.png")) > 1000);
        assertTrue(Files.size(dir.resolve("metrics.png")) > 1000);
        List<String> val = Files.readAllLines(dir.resolve("validation.csv"));
        assertEquals(3, val.size(), "validated before the first step and at the end");
        assertTrue(val.get(1).startsWith("0,"));
        assertTrue(val.get(2).startsWith("3,"));
        assertTrue(Files.exists(dir.resolve("validation-release/synthetic_bbox.json")));
    }

    @Test
    void aResumedRunContinuesExactlyAsAnUninterruptedOne(@TempDir Path dir) throws IOException {
        Path straight = dir.resolve("straight");
        Path resumed = dir.resolve("resumed");
        new Trainer(parse(straight, 3), TrainListener.NONE).run();
        new Trainer(parse(resumed, 2), TrainListener.NONE).run();
        new Trainer(parse(resumed, 3), TrainListener.NONE).run();
        assertArrayEquals(losses(straight), losses(resumed), "same seed, same batches, restored Adam state");
    }

    private static double[] losses(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("train.csv"));
        return lines.stream().skip(1).mapToDouble(l -> Double.parseDouble(l.split(",")[2])).toArray();
    }
}
