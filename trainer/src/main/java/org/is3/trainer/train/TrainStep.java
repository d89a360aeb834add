package org.is3.trainer.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.List;
import org.is3.trainer.data.Batch;
import org.is3.trainer.loss.AlignmentLoss;
import org.is3.trainer.loss.NegativeAudioLoss;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.model.ModelSpec;
import org.is3.trainer.optim.Adam;

/**
 * One optimiser step: forward every view through the encoders (each view its own BN batch; the
 * negative audio rides in the batch of the plain audio view so BN never sees a batch of silence
 * alone), eq. 5 plus the weighted SSL-SaN term, backward, Adam.
 */
public final class TrainStep {

    private final AvModel model;
    private final Adam adam;
    private final float tau;
    private final float negativeWeight;

    public TrainStep(AvModel model, Adam adam, double tau, double negativeWeight) {
        this.model = model;
        this.adam = adam;
        this.tau = (float) tau;
        this.negativeWeight = (float) negativeWeight;
    }

    /**
     * Losses of the step: total, localization, alignment, negative term, and 1 when the update was
     * applied or 0 when it was skipped because the loss or a gradient was not finite (the weights and
     * Adam's moments then stay as they were, as a mixed-precision scaler skips an overflowing step).
     */
    public double[] run(Batch b) {
        double[] out = new double[5];
        try (NDManager m = model.manager().newSubManager();
             GradientCollector gc = m.getEngine().newGradientCollector()) {
            Views v = visual(m, b);
            Views a = audio(m, b);
            AlignmentLoss.Terms terms = AlignmentLoss.compute(v.features(), v.projections(), a.features(),
                    a.projections(), tau);
            NDArray loss = terms.total();
            if (a.negatives() != null) {
                NDArray neg = NegativeAudioLoss.compute(v.features().get(0), v.projections().get(0), a.negatives(),
                        a.negativeProjections()).total();
                out[3] = neg.getFloat();
                loss = loss.add(neg.mul(negativeWeight));
            }
            gc.backward(loss);
            out[0] = loss.getFloat();
            out[1] = terms.localization().getFloat();
            out[2] = terms.alignment().getFloat();
        }
        if (Double.isFinite(out[0]) && adam.gradientsFinite()) {
            adam.step();
            out[4] = 1;
        } else {
            adam.skip();
        }
        return out;
    }

    /** Features and projections of each view; the negative audio's, split off the plain audio view. */
    private record Views(List<NDArray> features, List<NDArray> projections, NDArray negatives,
                         NDArray negativeProjections) {
    }

    private Views visual(NDManager m, Batch b) {
        ModelSpec spec = model.spec();
        Shape shape = new Shape(b.size(), 3, spec.imageSize(), spec.imageSize());
        List<NDArray> maps = new ArrayList<>();
        List<NDArray> proj = new ArrayList<>();
        for (float[] view : b.hasConc() ? List.of(b.images(), b.imagesAug(), b.imagesConc())
                : List.of(b.images(), b.imagesAug())) {
            NDArray v = model.visualMap(AvModel.input(m, view, shape), true);
            maps.add(v);
            proj.add(model.visualProjection(v, true));
        }
        return new Views(maps, proj, null, null);
    }

    private Views audio(NDManager m, Batch b) {
        ModelSpec spec = model.spec();
        int n = b.size();
        int k = b.negativeCount();
        List<NDArray> features = new ArrayList<>();
        List<NDArray> proj = new ArrayList<>();
        NDArray negatives = null;
        NDArray negativeProj = null;
        List<float[]> views = b.hasConc() ? List.of(b.audio(), b.audioAug(), b.audioConc())
                : List.of(b.audio(), b.audioAug());
        for (int i = 0; i < views.size(); i++) {
            boolean withNegatives = i == 0 && k > 0;
            NDArray x = AvModel.input(m, views.get(i), new Shape(n, 1, spec.bins(), spec.frames()));
            if (withNegatives) {
                x = x.concat(AvModel.input(m, b.negatives(), new Shape(k, 1, spec.bins(), spec.frames())));
            }
            NDArray a = model.audioFeature(x, true);
            NDArray pa = model.audioProjection(a, true);
            if (withNegatives) {
                negatives = a.get(n + ":");
                negativeProj = pa.get(n + ":");
                a = a.get(":" + n);
                pa = pa.get(":" + n);
            }
            features.add(a);
            proj.add(pa);
        }
        return new Views(features, proj, negatives, negativeProj);
    }
}
