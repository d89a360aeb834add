package org.is3.core.gt;

import static org.is3.core.gt.Is3BoxReaderTest.assertMessage;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FlickrReaderTest {
    @TempDir
    Path tmp;

    /** An annotation in the layout the reference walks: root → container → bbox(skipped, xmin, ymin, xmax, ymax). */
    private Path xml(String id, int[]... boxes) {
        StringBuilder sb = new StringBuilder("<annotation><filename>" + id + ".jpg</filename><bboxes>");
        for (int[] b : boxes) {
            sb.append("<bbox><annotator>1</annotator><xmin>").append(b[0]).append("</xmin><ymin>").append(b[1])
                    .append("</ymin><xmax>").append(b[2]).append("</xmax><ymax>").append(b[3]).append("</ymax></bbox>");
        }
        return Fixtures.write(tmp.resolve("ann").resolve(id + ".xml"), sb + "</bboxes></annotation>");
    }

    private GroundTruth only(String id, int[]... boxes) {
        xml(id, boxes);
        return FlickrReader.read(tmp.resolve("ann")).get(id).orElseThrow();
    }

    @Test
    void coordinatesMapFromThe256CanvasByTruncation() {
        assertEquals(224, FlickrReader.toPixel(256));
        assertEquals(223, FlickrReader.toPixel(255), "224·255/256 = 223.125");
        assertEquals(7, FlickrReader.toPixel(8));
        assertEquals(0, FlickrReader.toPixel(1), "0.875");
        assertEquals(0, FlickrReader.toPixel(-1), "int(-0.875) truncates toward zero");
        assertEquals(-1, FlickrReader.toPixel(-2), "int(-1.75)");
        assertEquals(875, FlickrReader.toPixel(1000));
    }

    @Test
    void oneBoxIsHalfTwoOverlappingAreOneThreeAreCapped() {
        // [8,8,16,16] on 256 → [7,7,14,14] on 224
        GtMap one = only("1", new int[] {8, 8, 16, 16}).map();
        assertEquals(49, one.nonZeroCount());
        assertEquals(24.5, one.sum());
        assertEquals(0.5, one.value(Fixtures.at(7, 7)));
        assertEquals(0.0, one.value(Fixtures.at(14, 14)));

        // [0,0,16,8] → [0,0,14,7] and [8,0,24,8] → [7,0,21,7]: overlap columns 7..13
        GtMap two = only("2", new int[] {0, 0, 16, 8}, new int[] {8, 0, 24, 8}).map();
        assertEquals(0.5, two.value(Fixtures.at(0, 0)));
        assertEquals(1.0, two.value(Fixtures.at(0, 7)));
        assertEquals(0.5, two.value(Fixtures.at(6, 20)));
        assertEquals(21 * 7, two.nonZeroCount());
        assertEquals(7 * 7 * 0.5 * 2 + 7 * 7 * 1.0, two.sum());

        GtMap three = only("3", new int[] {0, 0, 8, 8}, new int[] {0, 0, 8, 8}, new int[] {0, 0, 16, 8}).map();
        assertEquals(1.0, three.value(Fixtures.at(0, 0)), "three boxes cap at 1");
        assertEquals(0.5, three.value(Fixtures.at(0, 10)));
        assertEquals(7 * 7 * 1.0 + 7 * 7 * 0.5, three.sum());
    }

    @Test
    void edgeBoxesFollowSliceSemantics() {
        GroundTruth g = only("e", new int[] {250, 0, 300, 2}, new int[] {40, 40, 20, 60}, new int[] {-2, 0, 256, 2},
                new int[] {0, 100, 1, 101});
        // [218,0,262→224,1]: 6 columns × 1 row (2 on 256 → 1); the reversed box is empty; start −2 → −1 wraps to
        // column 223, so [−1,0,224,1] is the single pixel (0, 223); [0,100,1,101] → [0,87,0,88] is empty
        assertEquals(6, g.map().nonZeroCount());
        assertEquals(0.5, g.map().value(Fixtures.at(0, 218)));
        assertEquals(1.0, g.map().value(Fixtures.at(0, 223)), "two boxes cover (0, 223)");
        assertEquals(3, g.boxCount(), "the box with xmin −1 is not counted by SLAVC's bb");
    }

    @Test
    void generatedAnnotationsMatchTheReferenceLoader() throws IOException {
        // 14 XML files written for this test in both container layouts, with blanks and signs around numbers,
        // negative, reversed and past-the-canvas coordinates; golden values from a re-creation of SSLalignment's
        // load_all_bboxes('flickr') + bbox2gtmap run with numpy 1.26 on the same files
        GroundTruthSet set = FlickrReader.read(Fixtures.resource("flickr"));
        List<String> ids = new ArrayList<>();
        for (String line : Files.readAllLines(Fixtures.resource("flickr_gt_golden.csv"))) {
            if (line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",");
            ids.add(f[0]);
            GroundTruth g = set.get(f[0]).orElseThrow();
            assertEquals(Integer.parseInt(f[1]), g.boxCount(), f[0]);
            assertEquals(Integer.parseInt(f[2]), g.map().sumHalves(), f[0]);
            assertEquals(Integer.parseInt(f[3]), g.map().nonZeroCount(), f[0]);
            assertEquals(f[4], Fixtures.crc(g.map()), f[0]);
        }
        assertEquals(ids, set.ids(), "sorted id order");
    }

    @Test
    void subsetSelectsAndSortsIds() {
        xml("30", new int[] {0, 0, 8, 8});
        xml("4", new int[] {0, 0, 8, 8});
        xml("100", new int[] {0, 0, 8, 8});
        Path subset = Fixtures.write(tmp.resolve("test.csv"), "4,0\r\n30,12\r\n4,0\r\n");
        assertEquals(List.of("30", "4"), FlickrReader.read(tmp.resolve("ann"), subset).ids());
        assertEquals(List.of("100", "30", "4"), FlickrReader.read(tmp.resolve("ann")).ids(), "string order, as sorted()");
        Path missing = Fixtures.write(tmp.resolve("m.csv"), "4\n77\n5\n");
        assertMessage(assertThrows(InputException.class, () -> FlickrReader.read(tmp.resolve("ann"), missing)),
                "2 id(s)", "m.csv", "77", "5");
    }

    @Test
    void onlyXmlFilesCountAndTheIdStopsAtTheFirstDot() {
        xml("55", new int[] {0, 0, 8, 8});
        Fixtures.write(tmp.resolve("ann").resolve("notes.txt"), "not an annotation");
        Fixtures.write(tmp.resolve("ann").resolve(".hidden.xml"), "<broken");
        assertEquals(List.of("55"), FlickrReader.read(tmp.resolve("ann")).ids());
        Fixtures.write(tmp.resolve("ann").resolve("55.old.xml"), "<a/>");
        assertMessage(assertThrows(InputException.class, () -> FlickrReader.read(tmp.resolve("ann"))),
                "same sample id", "55 (55.old.xml, 55.xml)");
    }

    @Test
    void layoutErrorsNameTheFileAndBox() {
        assertMessage(bad("<a><objects><bbox><i>0</i><x>1</x><y>1</y><x>2</x></bbox></objects></a>"),
                "bad.xml", "box 0", "has 4 child elements, expected 5");
        assertMessage(bad("<a><objects><bbox><i>0</i><x>1</x><y>1</y><x>2</x><y>2</y></bbox><name>dog</name></objects></a>"),
                "box 1 (<name> in <objects>)", "only <bbox>");
        assertMessage(bad("<a><o><bbox><i>0</i><x>1.5</x><y>1</y><x>2</x><y>2</y></bbox></o></a>"), "<x> is '1.5'");
        assertMessage(bad("<a><o><bbox><i>0</i><x></x><y>1</y><x>2</x><y>2</y></bbox></o></a>"), "<x> is ''");
        assertMessage(bad("<a><o><bbox>"), "not well-formed XML");
        Path empty = tmp.resolve("empty");
        assertMessage(assertThrows(InputException.class, () -> FlickrReader.read(Files.createDirectories(empty))),
                "no *.xml");
        assertMessage(assertThrows(InputException.class, () -> FlickrReader.read(tmp.resolve("nowhere"))), "not found");
    }

    private InputException bad(String content) {
        Path dir = tmp.resolve("bad");
        Fixtures.write(dir.resolve("bad.xml"), content);
        return assertThrows(InputException.class, () -> FlickrReader.read(dir));
    }

    @Test
    void bboxDirectlyUnderTheRootIsAnErrorAsInTheReference() {
        // the reference walks the root's grandchildren: here <i>, <x>, … each append an empty box and unpacking fails
        Fixtures.write(tmp.resolve("flat").resolve("9.xml"),
                "<a><bbox><i>0</i><x>0</x><y>0</y><x>8</x><y>8</y></bbox></a>");
        assertMessage(assertThrows(InputException.class, () -> FlickrReader.read(tmp.resolve("flat"))),
                "9.xml", "(<i> in <bbox>)", "only <bbox>");
    }
}
