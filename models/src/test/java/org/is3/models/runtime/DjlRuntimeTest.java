package org.is3.models.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

    @Test
    void theEngineLoadsOfflineAndComputesOnTheChosenDevice() {
        Device device = DjlRuntime.device();
        assertEquals("true", System.getProperty("ai.djl.offline"));
        assertEquals(DjlRuntime.ENGINE, DjlRuntime.engine().getEngineName());
        try (NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
            NDArray a = manager.create(new float[] {1f, 2f, 3f});
            assertArrayEquals(new float[] {2f, 4f, 6f}, a.mul(2).toFloatArray());
        }
        assertEquals(device, DjlRuntime.device(), "the device is chosen once");
    }
}
