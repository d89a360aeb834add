package org.is3.trainer.infer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Map;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.Is3PlusReader;
import org.is3.core.scoring.Progress;
import org.is3.core.shapes.ShapesWorld;
import org.is3.models.runtime.DjlRuntime;
import org.is3.trainer.data.ReleaseSource;
import org.is3.trainer.data.ShapesRelease;
import org.is3.trainer.data.ShapesSource;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.model.ModelSpec;
import org.is3.trainer.optim.Adam;
import org.is3.trainer.train.Checkpoint;
import org.is3.trainer.validate.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InferenceTest {

    @Test
    void predictionsAreTheSubmissionFormatTheScorerAccepts(@TempDir Path dir) {
        Path release = ShapesRelease.write(new ShapesSource(ShapesWorld.of(4, 7), 1, 99, 224, true), 1, 3,
                dir.resolve("release"));
        GroundTruthSet truth = Is3PlusReader.read(release);
        ModelSpec spec = new ModelSpec(0.0625, 8, 64, SpectrogramPreset.SSL_ALIGN, 24);
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
             AvModel model = AvModel.create(spec, m)) {
            Path ckpt = Checkpoint.save(dir.resolve("ckpt"), 0, model, new Adam(model.trainable(), 1e-4f, m));
            Inference.Written w = Inference.run(ckpt, ReleaseSource.open(release), dir.resolve("pred.npz"), true, 1,
                    Progress.NONE);
            assertEquals(8, w.samples());
            assertEquals(dir.resolve("pred_audio_emb.npz"), w.audioEmbeddings());
            try (PredictionSource p = PredictionSource.open(w.maps());
                 PredictionSource audio = PredictionSource.open(w.audioEmbeddings())) {
                assertEquals(truth.ids(), p.ids());
                NpyArray map = p.read(truth.ids().get(0));
                assertArrayEquals(new int[] {224, 224}, map.shape());
                assertArrayEquals(new int[] {8}, audio.read(truth.ids().get(0)).shape());
                // the saved checkpoint reproduces the live model's maps
                MemoryPredictions live = new MemoryPredictions();
                new Localizer(model, 3).run(ReleaseSource.open(release), live::add, Progress.NONE);
                assertArrayEquals(live.read(truth.ids().get(2)).data(), p.read(truth.ids().get(2)).data(), 1e-6f);
                Map<String, Object> metrics = new Validator(release).score(p);
                assertEquals(2, metrics.get("n"));
                assertEquals(1, metrics.get("n_groups"));
                assertTrue(metrics.containsKey("pia_silence"), metrics.toString());
            }
        }
    }

    @Test
    void theCentrePriorBaselineScoresEverySample(@TempDir Path dir) {
        Path release = ShapesRelease.write(new ShapesSource(ShapesWorld.of(4, 7), 2, 99, 224, true), 2, 3, dir);
        Map<String, Object> m = new Validator(release).scoreCentrePrior();
        assertEquals(4, m.get("n"));
        assertTrue(m.get("ciou") instanceof Number);
    }
}
