package org.is3.trainer.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import java.util.List;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.trainer.loss.AlignmentLoss;
import org.is3.trainer.loss.NegativeAudioLoss;
import org.junit.jupiter.api.Test;

class GradientFlowTest {

    @Test
    void everyTrainableWeightGetsAGradientFromEq5AndTheNegativeTerm() {
        ModelSpec spec = new ModelSpec(0.0625, 8, 32, SpectrogramPreset.SSL_ALIGN, 16);
        ai.djl.engine.Engine.getEngine(org.is3.models.runtime.DjlRuntime.ENGINE).setRandomSeed(5);
        try (AvModel model = AvModel.create(spec, ResNet18Test.newManager());
             NDManager m = model.manager().newSubManager()) {
            for (Parameter p : model.trainable()) {
                p.getArray().setRequiresGradient(true);
            }
            try (GradientCollector gc = m.getEngine().newGradientCollector()) {
                NDArray v = model.visualMap(m.randomNormal(new Shape(3, 3, 32, 32)), true);
                NDArray pv = model.visualProjection(v, true);
                NDArray a = model.audioFeature(m.randomNormal(new Shape(5, 1, 257, 16)), true);
                NDArray pa = model.audioProjection(a, true);
                NDArray loss = AlignmentLoss.compute(List.of(v), List.of(pv), List.of(a.get(":3")), List.of(pa.get(":3")),
                        0.07f).total();
                loss = loss.add(NegativeAudioLoss.compute(v, pv, a.get("3:"), pa.get("3:")).total());
                gc.backward(loss);
            }
            for (Parameter p : model.trainable()) {
                NDArray g = p.getArray().getGradient();
                assertTrue(g.abs().sum().getFloat() > 0, "no gradient reaches " + p.getName());
            }
        }
    }
}
