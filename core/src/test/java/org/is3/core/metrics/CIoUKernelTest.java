package org.is3.core.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.junit.jupiter.api.Test;

/** The fast kernel must give the reference-faithful {@link CIoU#score} bits on every kind of map. */
class CIoUKernelTest {

    private static List<GtMap> truths(SplittableRandom rnd) {
        List<GtMap> gts = new ArrayList<>();
        gts.add(GtMap.empty());
        gts.add(GtMap.union(List.of(new PixelBox(0, 0, 224, 224))));
        gts.add(GtMap.union(List.of(new PixelBox(100, 100, 101, 101))));
        gts.add(GtMap.consensus(List.of(new PixelBox(10, 10, 120, 150), new PixelBox(50, 60, 200, 200),
                new PixelBox(40, 40, 90, 90))));
        for (int i = 0; i < 6; i++) {
            List<PixelBox> boxes = new ArrayList<>();
            for (int b = 0; b <= i % 3; b++) {
                int x = rnd.nextInt(200);
                int y = rnd.nextInt(200);
                boxes.add(new PixelBox(x, y, x + 1 + rnd.nextInt(224 - x), y + 1 + rnd.nextInt(224 - y)));
            }
            gts.add(GtMap.union(boxes));
        }
        return gts;
    }

    private static List<float[]> maps(SplittableRandom rnd) {
        List<float[]> maps = new ArrayList<>();
        for (int kind = 0; kind < 9; kind++) {
            float[] m = new float[Grid.PIXELS];
            for (int i = 0; i < m.length; i++) {
                m[i] = switch (kind) {
                    case 0 -> (float) rnd.nextDouble();                       // distinct values
                    case 1 -> rnd.nextInt(7);                                // heavy ties
                    case 2 -> rnd.nextInt(3) == 0 ? 5f : (float) rnd.nextDouble(); // a third tied at the max
                    case 3 -> rnd.nextInt(10) < 6 ? 9f : (float) rnd.nextDouble(); // more than half at the max
                    case 4 -> (float) (rnd.nextGaussian() * 1e-3 + 20);      // narrow range: rounding ties
                    case 5 -> (float) (rnd.nextDouble() * 66.7 - 33.3);      // cos/τ-like, negative values
                    case 6 -> 1e-30f * rnd.nextInt(1000);                    // tiny values
                    case 7 -> (float) Math.sin(i * 0.001) * 3;               // smooth
                    default -> (float) (rnd.nextDouble() * 3e38 - 1.5e38);   // huge range (overflows)
                };
            }
            maps.add(m);
        }
        float[] constant = new float[Grid.PIXELS];
        java.util.Arrays.fill(constant, 0.25f);
        maps.add(constant);
        float[] nan = maps.get(0).clone();
        nan[77] = Float.NaN;
        maps.add(nan);
        float[] inf = maps.get(0).clone();
        inf[5] = Float.POSITIVE_INFINITY;
        maps.add(inf);
        return maps;
    }

    @Test
    void equalsTheReferenceOnEveryProtocolMapAndTruth() {
        SplittableRandom rnd = new SplittableRandom(42);
        List<GtMap> gts = truths(rnd);
        List<float[]> maps = maps(rnd);
        for (LocalizationProtocol protocol : LocalizationProtocol.ALL) {
            CIoUKernel kernel = new CIoUKernel(protocol);
            for (int m = 0; m < maps.size(); m++) {
                for (int g = 0; g < gts.size(); g++) {
                    SampleCIoU expected = CIoU.score(maps.get(m), gts.get(g), protocol);
                    SampleCIoU actual = kernel.score(maps.get(m), gts.get(g));
                    String where = protocol.name() + " map " + m + " gt " + g;
                    assertEquals(expected.ciou(), actual.ciou(), 0.0, where);
                    assertEquals(expected.ciouAdaptive(), actual.ciouAdaptive(), 0.0, where + " adaptive");
                }
            }
        }
    }

    @Test
    void reusesItsBuffersAcrossSamples() {
        SplittableRandom rnd = new SplittableRandom(7);
        CIoUKernel kernel = new CIoUKernel(LocalizationProtocol.SSLALIGN);
        GtMap gt = GtMap.union(List.of(new PixelBox(30, 40, 150, 190)));
        for (int s = 0; s < 50; s++) {
            float[] m = new float[Grid.PIXELS];
            int levels = 1 + rnd.nextInt(50_000);
            for (int i = 0; i < m.length; i++) {
                m[i] = rnd.nextInt(levels);
            }
            assertEquals(CIoU.score(m, gt, LocalizationProtocol.SSLALIGN), kernel.score(m, gt), "sample " + s);
        }
    }
}
