package org.is3.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.NegativeAudioResult;
import org.is3.core.metrics.NegativeThreshold;
import org.junit.jupiter.api.Test;

class ScorerNegativeAudioTest {
    private static final double EPS = 1e-9;

    /** Maps held in memory, in insertion order. */
    private record Maps(Map<String, float[]> maps) implements PredictionSource {
        @Override
        public List<String> ids() {
            return new ArrayList<>(maps.keySet());
        }

        @Override
        public NpyArray read(String id) {
            return NpyArray.of(maps.get(id).clone(), Grid.SIZE, Grid.SIZE);
        }

        @Override
        public String describe() {
            return "test maps";
        }

        @Override
        public void close() {
        }
    }

    /** {@code value} on rows [0, rows) × columns [0, cols), 0 elsewhere. */
    private static float[] block(int rows, int cols, float value) {
        float[] m = new float[Grid.PIXELS];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                m[r * Grid.SIZE + c] = value;
            }
        }
        return m;
    }

    private static GroundTruth negative(String instance, SampleKind kind) {
        return new GroundTruth(instance + "_" + kind.name().toLowerCase(), GtMap.empty(), 0, kind);
    }

    private static List<GroundTruth> instance(String id, PixelBox box) {
        return List.of(GroundTruth.positive(id, GtMap.union(List.of(box)), 1), negative(id, SampleKind.SILENCE),
                negative(id, SampleKind.NOISE), negative(id, SampleKind.OFFSCREEN));
    }

    private static GroundTruthSet twoInstances() {
        List<GroundTruth> all = new ArrayList<>(instance("a_b_1_a", new PixelBox(0, 0, 112, 224))); // left half
        all.addAll(instance("c_d_2_c", new PixelBox(0, 0, 224, 112))); // top half
        return GroundTruthSet.of(all);
    }

    /**
     * Instance a: positive = its GT (cIoU 1); silence empty (pIA 0); noise everywhere (pIA 1);
     * off-screen 150 full rows (pIA 33600/50176). Instance c: positive empty (cIoU 0); silence
     * 100×112 (pIA 11200/50176); noise empty (0); off-screen 0.6 everywhere (pIA 1). T = 0.5.
     */
    private static Map<String, float[]> twoInstanceMaps() {
        Map<String, float[]> m = new LinkedHashMap<>();
        m.put("a_b_1_a", block(224, 112, 1f));
        m.put("a_b_1_a_silence", block(224, 224, 0.5f)); // not above T
        m.put("a_b_1_a_noise", block(224, 224, 0.9f));
        m.put("a_b_1_a_offscreen", block(150, 224, 0.7f));
        m.put("c_d_2_c", block(0, 0, 0f));
        m.put("c_d_2_c_silence", block(100, 112, 3f));
        m.put("c_d_2_c_noise", block(224, 224, -1f));
        m.put("c_d_2_c_offscreen", block(224, 224, 0.6f));
        return m;
    }

    private static double harmonic(double a, double b) {
        return 2 * a * b / (a + b);
    }

    @Test
    void handComputedNegativeAudioMetricsAtTheDefaultThreshold() {
        ScoreReport report = new Scorer(ScoreOptions.defaults().withThreads(2))
                .score(twoInstances(), new Maps(twoInstanceMaps()), Progress.NONE);

        assertNull(report.extended(), "SLAVC's extended metrics are for non-sounding samples only");
        assertEquals(2, report.localization().n(), "localization runs over the positives only");
        NegativeAudioResult na = report.negativeAudio();
        assertEquals(2, na.samples());
        assertEquals(50.0, na.meanCIoU(), EPS); // (1 + 0) / 2
        // success rates [1, .5, …, .5]: 0.05·(1 + .5)/2 + 19·0.05·.5
        assertEquals(51.25, na.auc(), EPS);
        double piaSilence = 100 * (0 + 11200 / 50176.0) / 2;
        double piaNoise = 50.0;
        double piaOffscreen = 100 * (33600 / 50176.0 + 1) / 2;
        assertEquals(piaSilence, na.silence().pIA(), EPS);
        assertEquals(piaNoise, na.noise().pIA(), EPS);
        assertEquals(piaOffscreen, na.offscreen().pIA(), EPS);
        // "pIA ≤ 0.05·i" rates: silence [.5 ×5, 1 ×16]; noise [.5 ×20, 1]; off-screen [0 ×14, .5 ×6, 1]
        assertEquals(88.75, na.silence().aucPIA(), EPS);
        assertEquals(51.25, na.noise().aucPIA(), EPS);
        assertEquals(17.5, na.offscreen().aucPIA(), EPS);
        double fPosNeg = harmonic(50, ((100 - piaSilence) + (100 - piaNoise) + (100 - piaOffscreen)) / 3);
        double fAuc = harmonic(51.25, (88.75 + 51.25 + 17.5) / 3);
        assertEquals(fPosNeg, na.fPosNeg(), EPS);
        assertEquals(fAuc, na.fAucAocPosNeg(), EPS);

        Map<String, Object> json = ScoreJson.metrics(report);
        assertEquals(2, json.get("n_negative_audio"));
        assertEquals(piaSilence / 100, (double) json.get("pia_silence"), EPS);
        assertEquals(0.5, (double) json.get("pia_noise"), EPS);
        assertEquals(piaOffscreen / 100, (double) json.get("pia_offscreen"), EPS);
        assertEquals(0.8875, (double) json.get("auc_pia_silence"), EPS);
        assertEquals(0.5125, (double) json.get("auc_pia_noise"), EPS);
        assertEquals(0.175, (double) json.get("auc_pia_offscreen"), EPS);
        assertEquals(fPosNeg / 100, (double) json.get("f_pos_neg"), EPS);
        assertEquals(fAuc / 100, (double) json.get("f_auc_aoc_pos_neg"), EPS);
        assertFalse(json.containsKey("n_negatives"), "no SLAVC keys without non-sounding samples");
    }

    @Test
    void theThresholdComesFromTheOptions() {
        ScoreOptions at08 = ScoreOptions.defaults().withThreads(1)
                .withNegativeThreshold(NegativeThreshold.universal(0.8));
        NegativeAudioResult na = new Scorer(at08).score(twoInstances(), new Maps(twoInstanceMaps()), Progress.NONE)
                .negativeAudio();
        // at 0.8 only a's noise (0.9) and c's silence (3) stay above T
        assertEquals(100 * (11200 / 50176.0) / 2, na.silence().pIA(), EPS);
        assertEquals(50.0, na.noise().pIA(), EPS);
        assertEquals(0.0, na.offscreen().pIA(), EPS);
    }

    @Test
    void aMissingNegativeScoresAsTheWholeImage() {
        Map<String, float[]> maps = twoInstanceMaps();
        maps.remove("c_d_2_c_noise");
        ScoreOptions options = new ScoreOptions(ScoreOptions.defaults().protocol(), true, 0.03, false, 1, false);
        ScoreReport report = new Scorer(options).score(twoInstances(), new Maps(maps), Progress.NONE);
        assertEquals(1, report.missing());
        assertEquals(100.0, report.negativeAudio().noise().pIA(), EPS); // (1 + 1) / 2
    }

    @Test
    void onlyCompleteInstancesCount() {
        List<GroundTruth> lacking = new ArrayList<>(twoInstances().samples());
        lacking.remove(2); // a_b_1_a_noise
        lacking.add(negative("x_y_9_x", SampleKind.OFFSCREEN)); // no positive
        Map<String, float[]> maps = twoInstanceMaps();
        maps.remove("a_b_1_a_noise");
        maps.put("x_y_9_x_offscreen", block(224, 224, 1f));
        NegativeAudioResult na = new Scorer(ScoreOptions.defaults().withThreads(1))
                .score(GroundTruthSet.of(lacking), new Maps(maps), Progress.NONE).negativeAudio();
        assertEquals(1, na.samples());
        assertEquals(0.0, na.meanCIoU(), EPS); // c alone
        assertEquals(100 * 11200 / 50176.0, na.silence().pIA(), EPS);
        assertEquals(100.0, na.offscreen().pIA(), EPS);
    }

    @Test
    void negativesOfNoCompleteInstanceGiveNoNegativeAudioMetricsNorExtendedOnes() {
        List<GroundTruth> all = List.of(GroundTruth.positive("p", GtMap.union(List.of(new PixelBox(0, 0, 5, 5))), 1),
                new GroundTruth("silent_1", GtMap.empty(), 0, SampleKind.SILENCE));
        Map<String, float[]> maps = new LinkedHashMap<>();
        maps.put("p", block(5, 5, 1f));
        maps.put("silent_1", block(0, 0, 0f));
        ScoreReport report = new Scorer(ScoreOptions.defaults().withThreads(1))
                .score(GroundTruthSet.of(all), new Maps(maps), Progress.NONE);
        assertNull(report.negativeAudio());
        assertNull(report.extended());
        assertFalse(ScoreJson.metrics(report).containsKey("pia_silence"));
    }

    @Test
    void onlyNonSoundingSamplesTriggerTheExtendedMetrics() {
        List<GroundTruth> all = new ArrayList<>(twoInstances().samples());
        all.add(new GroundTruth("a_b_1_a_mismatch", GtMap.empty(), 0, SampleKind.NON_SOUNDING));
        Map<String, float[]> maps = twoInstanceMaps();
        maps.put("a_b_1_a_mismatch", block(224, 224, 0f));
        ScoreReport report = new Scorer(ScoreOptions.defaults().withThreads(1))
                .score(GroundTruthSet.of(all), new Maps(maps), Progress.NONE);
        assertTrue(report.extended() != null);
        assertEquals(2, report.negativeAudio().samples());
        Map<String, Object> json = ScoreJson.metrics(report);
        assertTrue(json.containsKey("ap") && json.containsKey("pia_silence"), json.keySet().toString());
    }
}
