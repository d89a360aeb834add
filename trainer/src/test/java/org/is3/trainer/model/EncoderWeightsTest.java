package org.is3.trainer.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.models.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EncoderWeightsTest {

    private final ModelSpec spec = new ModelSpec(0.0625, 8, 32, SpectrogramPreset.SSL_ALIGN, 16);

    @Test
    void aTrunkSavedFromOneModelInitialisesAnother(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("visual.params");
        Engine.getEngine(DjlRuntime.ENGINE).setRandomSeed(1);
        float[] source;
        try (AvModel a = AvModel.create(spec, ResNet18Test.newManager()); NDManager m = a.manager().newSubManager()) {
            try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
                a.saveEncoder(0, out);
            }
            source = a.visualMap(m.ones(new Shape(1, 3, 32, 32)), false).toFloatArray();
        }
        Engine.getEngine(DjlRuntime.ENGINE).setRandomSeed(2);
        try (AvModel b = AvModel.create(spec, ResNet18Test.newManager()); NDManager m = b.manager().newSubManager()) {
            float[] before = b.visualMap(m.ones(new Shape(1, 3, 32, 32)), false).toFloatArray();
            assertFalse(Arrays.equals(source, before), "another seed, another start");
            try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                b.loadEncoder(0, in);
            }
            assertArrayEquals(source, b.visualMap(m.ones(new Shape(1, 3, 32, 32)), false).toFloatArray(), 1e-6f);
        }
    }
}
