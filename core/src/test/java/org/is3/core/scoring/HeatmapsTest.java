package org.is3.core.scoring;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.InputException;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.formats.PredictionSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeatmapsTest {
    @TempDir
    Path dir;

    private PredictionSource write(float[]... maps) throws IOException {
        for (int i = 0; i < maps.length; i++) {
            int n = (int) Math.round(Math.sqrt(maps[i].length));
            Npy.write(dir.resolve("s_" + i + ".npy"), NpyArray.of(maps[i], 1, n, n));
        }
        return PredictionSource.open(dir);
    }

    private static float[] ramp(int n) {
        float[] m = new float[n * n];
        for (int i = 0; i < m.length; i++) {
            m[i] = i;
        }
        return m;
    }

    @Test
    void acceptsGridMapsAndReportsNoUpsampling() throws IOException {
        try (PredictionSource src = write(ramp(224), ramp(224))) {
            Heatmaps.Check check = Heatmaps.check(List.of("s_0", "s_1"), src, false, false, 2);
            assertEquals(2, check.maps());
            assertNull(check.upsampledFrom());
        }
    }

    @Test
    void lowResolutionMapsNeedUpsamplingAndOneShape() throws IOException {
        try (PredictionSource src = write(ramp(7), ramp(7))) {
            InputException refused = assertThrows(InputException.class,
                    () -> Heatmaps.check(List.of("s_0", "s_1"), src, false, false, 1));
            assertTrue(refused.getMessage().contains("s_0: shape (1, 7, 7), expected (224, 224)"), refused.getMessage());
            assertEquals("7x7", Heatmaps.check(List.of("s_0", "s_1"), src, false, true, 1).upsampledFrom().toString());
        }
        Npy.write(dir.resolve("s_1.npy"), NpyArray.of(ramp(14), 14, 14));
        try (PredictionSource mixed = PredictionSource.open(dir)) {
            InputException e = assertThrows(InputException.class,
                    () -> Heatmaps.check(List.of("s_0", "s_1"), mixed, false, true, 1));
            assertTrue(e.getMessage().contains("several shapes"), e.getMessage());
        }
    }

    @Test
    void namesNonFiniteValuesAndIdProblemsTogether() throws IOException {
        float[] bad = ramp(7);
        bad[7 * 2 + 3] = Float.NEGATIVE_INFINITY;
        try (PredictionSource src = write(ramp(7), bad)) {
            InputException e = assertThrows(InputException.class,
                    () -> Heatmaps.check(List.of("s_0", "s_1"), src, false, true, 2));
            assertTrue(e.getMessage().contains("s_1: value -Infinity at row 2, column 3"), e.getMessage());
            InputException ids = assertThrows(InputException.class,
                    () -> Heatmaps.check(List.of("s_0", "other"), src, false, true, 2));
            assertTrue(ids.getMessage().contains("s_1: not a sample") && ids.getMessage().contains("other: no prediction"),
                    ids.getMessage());
        }
    }
}
