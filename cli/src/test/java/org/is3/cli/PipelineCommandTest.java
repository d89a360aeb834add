package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pipeline commands as a user runs them: demo → release → verify → status → eval score. */
class PipelineCommandTest {

    @TempDir
    Path dir;

    @Test
    void demoWritesAReleaseThatVerifiesShowsInStatusAndScores() throws Exception {
        Path home = dir.resolve("home");
        Path release = dir.resolve("release");
        ScoreCommandTest.Run demo = ScoreCommandTest.is3("pipeline", "demo", "--home", home.toString(), "--db-port", "0",
                "--images", "3", "--size", "96", "--seconds", "1", "--out", release.toString());
        assertEquals(0, demo.code(), demo.out() + demo.err());
        assertTrue(demo.out().contains("demo-3-s0-96-auto: 3 images — RELEASED 3")
                || demo.out().contains("release v1 written to " + release), demo.out());
        assertTrue(demo.out().contains("6 instances, 24 clips") && demo.out().contains("(checksums verified)"), demo.out());

        ScoreCommandTest.Run verify = ScoreCommandTest.is3("pipeline", "verify", "--release", release.toString());
        assertEquals(0, verify.code(), verify.out() + verify.err());

        ScoreCommandTest.Run status = ScoreCommandTest.is3("pipeline", "status", "--home", home.toString(), "--db-port", "0");
        assertEquals(0, status.code(), status.out() + status.err());
        assertTrue(status.out().contains("demo-3-s0-96-auto: 3 images — RELEASED 3"), status.out());
        assertTrue(status.out().contains("dead-letter queue: 0 messages"), status.out());

        Path pred = dir.resolve("pred");
        Files.createDirectories(pred);
        List<String> ids = GroundTruthReaders.read(GroundTruthFormat.IS3PLUS, release,
                GroundTruthReaders.Options.defaults()).ids();
        for (String id : ids) {
            Npy.write(pred.resolve(id + ".npy"), NpyArray.of(new float[224 * 224], 224, 224));
        }
        ScoreCommandTest.Run score = ScoreCommandTest.is3("eval", "score", "--gt-format", "is3plus", "--gt",
                release.toString(), "--pred", pred.toString(), "--json");
        assertEquals(0, score.code(), score.out() + score.err());
        assertTrue(score.out().contains("\"pia_silence\""), score.out());

        Files.writeString(release.resolve("README.md"), "changed");
        ScoreCommandTest.Run tampered = ScoreCommandTest.is3("pipeline", "verify", "--release", release.toString());
        assertEquals(1, tampered.code());
        assertTrue(tampered.out().contains("PROBLEM README.md: "), tampered.out());
    }

    @Test
    void aBadRunConfigIsNamedAndNothingStarts() throws Exception {
        Path config = dir.resolve("run.yaml");
        Files.writeString(config, "name: x\ncategories: {shapes: 3}\naudoi: {}\n");
        ScoreCommandTest.Run run = ScoreCommandTest.is3("pipeline", "run", "--home", dir.resolve("h").toString(),
                "--config", config.toString());
        assertEquals(2, run.code(), run.out() + run.err());
        assertTrue(run.err().contains("unknown key 'audoi'"), run.err());
    }
}
