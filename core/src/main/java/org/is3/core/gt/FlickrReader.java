package org.is3.core.gt;

import org.is3.core.Problems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.is3.core.InputException;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads Flickr-SoundNet test annotations: a directory with one XML file per sample, the sample id
 * being the file name up to its first {@code '.'}.
 *
 * <p>Layout, as SSLalignment's/SLAVC's {@code load_all_bboxes} (format {@code flickr}) walks it:
 * for every child of the root element, every child of <em>that</em> element must be a {@code bbox}
 * element with five children; the first is skipped, the next four are xmin, ymin, xmax, ymax as
 * integers on a 256×256 canvas. (The reference appends an empty box for any other grandchild and
 * then fails to unpack it, so such files are an error here too.) Each coordinate c becomes
 * {@code int(224·c/256)}, and the boxes of all annotators form the consensus map (metrics.md §1,
 * {@link GtMap#consensus}). {@code boxCount} is the number of boxes with xmin ≥ 0 (SLAVC's
 * {@code bb}).
 *
 * <p>Only {@code *.xml} files that do not start with a dot are read. Order: ascending id in
 * Python's {@code sorted()} order — the reference loaders evaluate {@code sorted(set(ids))} of
 * {@code flickr_test.csv}; SSLalignment's LVS loader keeps the CSV's order instead, which is the
 * same for the shipped, already sorted {@code flickr_test.csv}.
 */
public final class FlickrReader {
    /** Coordinates beyond this magnitude are clamped; the mapped value is far outside ±224 either way. */
    private static final long COORDINATE_LIMIT = 1_000_000_000L;

    private FlickrReader() {
    }

    /** Every annotation in {@code dir}, in ascending id order. */
    public static GroundTruthSet read(Path dir) {
        return read(dir, null);
    }

    /** The annotations of the ids in {@code idsSubset} (all if null), in ascending id order. */
    public static GroundTruthSet read(Path dir, Path idsSubset) {
        Map<String, Path> files = listAnnotations(dir);
        List<String> ids;
        IdSubset subset = idsSubset == null ? null : IdSubset.read(idsSubset);
        if (subset == null) {
            ids = new ArrayList<>(files.keySet());
        } else {
            ids = subset.sortedUnique();
            List<String> missing = ids.stream().filter(id -> !files.containsKey(id)).toList();
            if (!missing.isEmpty()) {
                throw subset.missing(missing, "the annotation directory " + dir);
            }
        }
        DocumentBuilder xml = newDocumentBuilder();
        List<GroundTruth> samples = new ArrayList<>(ids.size());
        for (String id : ids) {
            samples.add(read(xml, files.get(id), id));
        }
        return GroundTruthSet.of(samples, dir.toString());
    }

    /** One annotation file. */
    static GroundTruth read(DocumentBuilder xml, Path file, String id) {
        Element root;
        try {
            root = xml.parse(file.toFile()).getDocumentElement();
        } catch (SAXException e) {
            throw new InputException(file + ": not well-formed XML: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new InputException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<PixelBox> boxes = new ArrayList<>();
        for (Element child : childElements(root)) {
            for (Element grandchild : childElements(child)) {
                boxes.add(box(file, grandchild, boxes.size()));
            }
        }
        int counted = (int) boxes.stream().filter(b -> b.xmin() >= 0).count();
        return GroundTruth.positive(id, GtMap.consensus(boxes), counted);
    }

    private static PixelBox box(Path file, Element bbox, int index) {
        String where = file + ": box " + index + " (<" + bbox.getTagName() + "> in <"
                + ((Element) bbox.getParentNode()).getTagName() + ">)";
        if (!bbox.getTagName().equals("bbox")) {
            throw new InputException(where + ": expected only <bbox> elements below the root's children");
        }
        List<Element> parts = childElements(bbox);
        if (parts.size() != 5) {
            throw new InputException(where + " has " + parts.size()
                    + " child elements, expected 5 (one skipped, then xmin, ymin, xmax, ymax)");
        }
        int[] c = new int[4];
        for (int i = 0; i < 4; i++) {
            c[i] = toPixel(coordinate(parts.get(i + 1), where));
        }
        return new PixelBox(c[0], c[1], c[2], c[3]);
    }

    /** {@code int(224 * c / 256)}: exact product, correctly rounded quotient, truncation toward zero. */
    static int toPixel(long c) {
        long clamped = Math.max(-COORDINATE_LIMIT, Math.min(COORDINATE_LIMIT, c));
        return (int) ((double) (224L * clamped) / 256.0);
    }

    /** Python's {@code int(text)} for a decimal integer with optional sign and surrounding blanks. */
    private static long coordinate(Element e, String where) {
        String what = where + ": <" + e.getTagName() + ">";
        if (!childElements(e).isEmpty()) {
            throw new InputException(what + " contains elements, expected an integer");
        }
        String text = e.getTextContent().strip();
        int i = text.startsWith("-") || text.startsWith("+") ? 1 : 0;
        if (i == text.length()) {
            throw new InputException(what + " is '" + text + "', expected an integer");
        }
        for (int k = i; k < text.length(); k++) {
            if (text.charAt(k) < '0' || text.charAt(k) > '9') {
                throw new InputException(what + " is '" + text + "', expected an integer");
            }
        }
        String digits = text.substring(i).replaceFirst("^0+(?=.)", "");
        long magnitude = digits.length() > 12 ? COORDINATE_LIMIT : Long.parseLong(digits);
        return text.startsWith("-") ? -magnitude : magnitude;
    }

    private static Map<String, Path> listAnnotations(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InputException("Flickr annotation directory not found: " + dir);
        }
        Map<String, Path> byId = new TreeMap<>(IdSubset.PYTHON_ORDER);
        Map<String, List<String>> clashes = new HashMap<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> isAnnotation(p)).sorted().forEach(p -> {
                String name = p.getFileName().toString();
                String id = name.substring(0, name.indexOf('.'));
                Path before = byId.putIfAbsent(id, p);
                if (before != null) {
                    clashes.computeIfAbsent(id, k -> new ArrayList<>(List.of(before.getFileName().toString())))
                            .add(name);
                }
            });
        } catch (NoSuchFileException e) {
            throw new InputException("Flickr annotation directory not found: " + dir, e);
        } catch (IOException e) {
            throw new InputException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        if (!clashes.isEmpty()) {
            List<String> shown = clashes.entrySet().stream()
                    .map(en -> en.getKey() + " (" + String.join(", ", en.getValue()) + ")").sorted().toList();
            throw new InputException(dir + ": several files give the same sample id: " + Problems.ids(shown));
        }
        if (byId.isEmpty()) {
            throw new InputException(dir + " contains no *.xml annotation files");
        }
        return byId;
    }

    private static boolean isAnnotation(Path p) {
        String name = p.getFileName().toString();
        return !name.startsWith(".") && name.toLowerCase(Locale.ROOT).endsWith(".xml")
                && Files.isRegularFile(p);
    }

    private static List<Element> childElements(Element parent) {
        List<Element> out = new ArrayList<>();
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                out.add((Element) n);
            }
        }
        return out;
    }

    static DocumentBuilder newDocumentBuilder() {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature("http://xml.org/sax/features/external-general-entities", false);
            f.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
            f.setExpandEntityReferences(false);
            f.setNamespaceAware(false);
            DocumentBuilder b = f.newDocumentBuilder();
            // fail on errors instead of printing them to stderr (the default handler's behaviour)
            b.setErrorHandler(new DefaultHandler() {
                @Override
                public void error(SAXParseException e) throws SAXException {
                    throw e;
                }
            });
            return b;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK's XML parser rejects its standard security features", e);
        }
    }
}
