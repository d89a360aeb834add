package org.is3.annotator.segment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.is3.annotator.mask.MaskIou;
import org.is3.core.shapes.SceneObject;
import org.is3.core.shapes.ShapesWorld;
import org.is3.core.shapes.WorldScene;
import org.junit.jupiter.api.Test;

/** GrabCut on shapes-world scenes, whose exact masks are known, driven by a simulated annotator. */
class GrabCutSegmenterTest {
    private static final ShapesWorld WORLD = ShapesWorld.of(12, 7).withSize(512, 512);
    private final Segmenter grabcut = Segmenters.create("grabcut", new SegmenterSettings(null, java.util.Map.of()));

    @Test
    void aFewClicksReachIoU090OnEveryObjectOfSeveralScenes() {
        List<String> report = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            WorldScene scene = WORLD.scene(i, 11);
            BufferedImage image = scene.scene().image();
            for (SceneObject o : List.of(scene.scene().a(), scene.scene().b())) {
                ClickSimulator.Outcome out = ClickSimulator.run(grabcut, image, o.mask(), 5, 0.9, Optional.empty());
                report.add(scene.base() + "/" + o.category().name() + " " + out.ious());
                assertTrue(out.iou() >= 0.9, "IoU " + out.iou() + " after " + out.clicks() + " clicks on "
                        + scene.base() + " object " + o.category().name() + "; all: " + report);
            }
        }
    }

    @Test
    void onLargeImagesTheScaledCutStillReachesIoU090() {
        ShapesWorld large = ShapesWorld.of(12, 7).withSize(1024, 1024);
        for (int i = 0; i < 2; i++) {
            WorldScene scene = large.scene(i, 13);
            for (SceneObject o : List.of(scene.scene().a(), scene.scene().b())) {
                ClickSimulator.Outcome out = ClickSimulator.run(grabcut, scene.scene().image(), o.mask(), 5, 0.9,
                        Optional.empty());
                assertTrue(out.iou() >= 0.9, scene.base() + "/" + o.category().name() + " IoU " + out.ious());
            }
        }
    }

    @Test
    void aBoxAndOneClickReachIoU090() {
        WorldScene scene = WORLD.scene(3, 5);
        SceneObject o = scene.scene().a();
        PromptBox box = new PromptBox(o.box().xmin() - 4, o.box().ymin() - 4, o.box().width() + 8, o.box().height() + 8);
        ClickSimulator.Outcome out = ClickSimulator.run(grabcut, scene.scene().image(), o.mask(), 3, 0.9,
                Optional.of(box));
        assertTrue(out.iou() >= 0.9, "IoU " + out.ious());
    }

    @Test
    void noPositiveClickNoBoxAndNoPreviousMaskProposesNothing() {
        WorldScene scene = WORLD.scene(0, 1);
        boolean[] mask = grabcut.segment(new SegmentRequest("k", scene.scene().image(),
                List.of(new Click(10, 10, false)), Optional.empty(), Optional.empty()));
        assertEquals(0, count(mask));
    }

    @Test
    void theProposalHoldsThePositiveClickAndNotTheNegativeOne() {
        WorldScene scene = WORLD.scene(1, 2);
        SceneObject o = scene.scene().a();
        int[] in = ClickSimulator.deepest(o.mask(), 512, 512);
        boolean[] outside = new boolean[512 * 512];
        for (int i = 0; i < outside.length; i++) {
            outside[i] = !o.mask()[i] && !scene.scene().b().mask()[i];
        }
        int[] out = ClickSimulator.deepest(outside, 512, 512);
        Proposal p = grabcut.propose(new SegmentRequest("k", scene.scene().image(),
                List.of(new Click(in[0], in[1], true), new Click(out[0], out[1], false)), Optional.empty(), Optional.empty()));
        assertTrue(p.mask()[in[1] * 512 + in[0]]);
        assertTrue(!p.mask()[out[1] * 512 + out[0]]);
        assertTrue(p.latencyNanos() > 0);
        assertEquals("grabcut", p.segmenter());
        assertTrue(MaskIou.of(p.mask(), o.mask()) > 0.5, "IoU " + MaskIou.of(p.mask(), o.mask()));
    }

    @Test
    void unknownSegmenterNamesTheKnownOnes() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(org.is3.core.InputException.class,
                () -> Segmenters.create("nope", new SegmenterSettings(null, java.util.Map.of())));
        assertTrue(e.getMessage().contains("grabcut"), e.getMessage());
    }

    private static int count(boolean[] m) {
        int n = 0;
        for (boolean b : m) {
            n += b ? 1 : 0;
        }
        return n;
    }
}
