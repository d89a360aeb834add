package org.is3.trainer.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.models.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class ResNet18Test {

    @Test
    void fullWidthEncodersHaveTorchvisionResNet18WeightCounts() {
        try (AvModel model = AvModel.create(ModelSpec.paper(), newManager())) {
            // torchvision resnet18: 11,689,512 weights minus the fc layer (512·1000 + 1000)
            assertEquals(11_176_512L, model.encoderWeights(0));
            // the audio encoder's first conv takes 1 channel instead of 3: 64·2·7·7 fewer weights
            assertEquals(11_176_512L - 64 * 2 * 49, model.encoderWeights(1));
        }
    }

    @Test
    void encodersGiveAStride32MapAndAPooledAudioFeature() {
        ModelSpec spec = new ModelSpec(0.125, 16, 64, SpectrogramPreset.SSL_ALIGN, 40);
        try (AvModel model = AvModel.create(spec, newManager());
             NDManager m = model.manager().newSubManager()) {
            NDArray v = model.visualMap(m.ones(new Shape(2, 3, 64, 64)), false);
            assertEquals(new Shape(2, 64, 2, 2), v.getShape());
            assertEquals(2, spec.mapSize());
            assertEquals(new Shape(2, 16), model.visualProjection(v, false).getShape());
            NDArray a = model.audioFeature(m.ones(new Shape(3, 1, 257, 40)), false);
            assertEquals(new Shape(3, 64), a.getShape());
            assertEquals(new Shape(3, 16), model.audioProjection(a, false).getShape());
        }
    }

    @Test
    void mapSizeFollowsTheStrideTwoRounding() {
        assertEquals(7, ModelSpec.paper().mapSize());
        assertEquals(4, new ModelSpec(0.25, 8, 128, SpectrogramPreset.SSL_ALIGN, 0).mapSize());
        assertEquals(4, new ModelSpec(0.25, 8, 112, SpectrogramPreset.SSL_ALIGN, 0).mapSize());
    }

    static NDManager newManager() {
        return NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
    }
}
