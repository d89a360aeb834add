package org.is3.trainer.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.util.List;
import org.is3.models.runtime.DjlRuntime;
import org.junit.jupiter.api.Test;

class AdamTest {

    @Test
    void stepsFollowTheAdamUpdateAndStateRoundTrips() throws Exception {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE)) {
            Linear lin = Linear.builder().setUnits(1).optBias(false).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            Parameter w = lin.getParameters().get(0).getValue();
            w.getArray().set(new float[] {1f, -2f});
            Adam adam = new Adam(List.of(w), 0.1f, m);
            adam.attachGradients();
            ParameterStore ps = new ParameterStore(m, false);
            // loss = 3·w0 + 0·w1 → g = (3, 0): m̂ = 3, v̂ = 9 → w0 −= 0.1·3/(3 + 1e-8); w1 unchanged
            step(m, lin, ps, adam, new float[] {3f, 0f});
            assertArrayEquals(new float[] {0.9f, -2f}, w.getArray().toFloatArray(), 1e-6f);
            // second step, g = (1, 0): m = 0.9·0.3 + 0.1 = 0.37, v = 0.999·0.009 + 0.001 = 0.009991
            step(m, lin, ps, adam, new float[] {1f, 0f});
            double mHat = 0.37 / (1 - 0.81);
            double vHat = 0.009991 / (1 - 0.998001);
            assertEquals(0.9 - 0.1 * mHat / (Math.sqrt(vHat) + 1e-8), w.getArray().toFloatArray()[0], 1e-5);
            assertEquals(2, adam.steps());

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            adam.save(new DataOutputStream(bytes));
            Adam copy = new Adam(List.of(w), 0.1f, m);
            copy.load(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));
            assertEquals(2, copy.steps());
        }
    }

    @Test
    void aStepWithANonFiniteGradientIsSkippedAndLeavesNoTrace() {
        try (NDManager m = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE)) {
            Linear lin = Linear.builder().setUnits(1).optBias(false).build();
            lin.initialize(m, DataType.FLOAT32, new Shape(1, 2));
            Parameter w = lin.getParameters().get(0).getValue();
            w.getArray().set(new float[] {1f, -2f});
            Adam adam = new Adam(List.of(w), 0.1f, m);
            adam.attachGradients();
            ParameterStore ps = new ParameterStore(m, false);
            try (NDManager s = m.newSubManager(); GradientCollector gc = s.getEngine().newGradientCollector()) {
                NDArray out = lin.forward(ps, new ai.djl.ndarray.NDList(s.create(new float[] {Float.NaN, 1f},
                        new Shape(1, 2))), true).singletonOrThrow();
                gc.backward(out.sum());
            }
            assertEquals(false, adam.gradientsFinite());
            adam.skip();
            assertEquals(true, adam.gradientsFinite());
            assertArrayEquals(new float[] {0f, 0f}, w.getArray().getGradient().toFloatArray());
            assertEquals(0, adam.steps());
            step(m, lin, ps, adam, new float[] {3f, 0f});
            assertArrayEquals(new float[] {0.9f, -2f}, w.getArray().toFloatArray(), 1e-6f);
        }
    }

    private static void step(NDManager m, Linear lin, ParameterStore ps, Adam adam, float[] x) {
        try (NDManager s = m.newSubManager(); GradientCollector gc = s.getEngine().newGradientCollector()) {
            NDArray out = lin.forward(ps, new ai.djl.ndarray.NDList(s.create(x, new Shape(1, 2))), true)
                    .singletonOrThrow();
            gc.backward(out.sum());
        }
        adam.step();
    }
}
