package org.is3.core.gt;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.is3.core.InputException;

/**
 * The one entry point for ground truth: {@code read(format, path, options)} picks the reader of
 * metrics.md §1 for the format. The returned set's order is the reference loader's order, which
 * downstream sums follow.
 */
public final class GroundTruthReaders {
    private GroundTruthReaders() {
    }

    /**
     * What a format may need besides its main path. Every field is optional (null) except
     * {@code negativesCsv} for {@link GroundTruthFormat#EXTENDED}.
     *
     * @param idsSubset       a file of sample ids (one per line, or a CSV with the id first) that
     *                        restricts the set; ids missing from the ground truth are an error
     * @param negativesCsv    SLAVC's {@code *_test_plus_silent.csv} for the extended sets
     * @param positivesFormat {@code VGGSS} or {@code FLICKR}: where the extended set's positives
     *                        come from; inferred from the path when null (directory → Flickr,
     *                        {@code *.json} → VGG-SS)
     * @param masksDir        the directory holding the mask images of {@code is3-seg}
     */
    public record Options(Path idsSubset, Path negativesCsv, GroundTruthFormat positivesFormat, Path masksDir) {
        public static Options defaults() {
            return new Options(null, null, null, null);
        }

        public Options withIdsSubset(Path p) {
            return new Options(p, negativesCsv, positivesFormat, masksDir);
        }

        public Options withNegativesCsv(Path p) {
            return new Options(idsSubset, p, positivesFormat, masksDir);
        }

        public Options withPositivesFormat(GroundTruthFormat f) {
            return new Options(idsSubset, negativesCsv, f, masksDir);
        }

        public Options withMasksDir(Path p) {
            return new Options(idsSubset, negativesCsv, positivesFormat, p);
        }
    }

    /**
     * Reads the ground truth at {@code gt} (a file, the annotation directory for Flickr, or the
     * release directory for IS3+).
     *
     * @throws InputException on anything wrong with the inputs; the message names the file, entry
     *                        or sample and what was expected
     */
    public static GroundTruthSet read(GroundTruthFormat format, Path gt, Options options) {
        Options o = options == null ? Options.defaults() : options;
        return switch (format) {
            case IS3 -> keepListed(Is3BoxReader.read(gt), o.idsSubset(), gt);
            case IS3_SEG -> keepListed(Is3SegReader.read(gt, o.masksDir()), o.idsSubset(), gt);
            case VGGSS -> VggssReader.read(gt, o.idsSubset());
            case FLICKR -> FlickrReader.read(gt, o.idsSubset());
            case EXTENDED -> readExtended(gt, o);
            case IS3PLUS -> keepListed(Is3PlusReader.read(gt), o.idsSubset(), gt);
        };
    }

    private static GroundTruthSet readExtended(Path gt, Options o) {
        if (o.negativesCsv() == null) {
            throw new InputException("the extended format needs the negatives CSV (SLAVC's "
                    + "vggss_test_plus_silent.csv or flickr_test_plus_silent.csv) besides " + gt);
        }
        GroundTruthFormat positives = o.positivesFormat() != null ? o.positivesFormat() : inferPositives(gt);
        GroundTruthSet base = switch (positives) {
            case VGGSS -> VggssReader.read(gt, o.idsSubset());
            case FLICKR -> FlickrReader.read(gt, o.idsSubset());
            default -> throw new InputException("the extended format takes its positives from "
                    + GroundTruthFormat.VGGSS.cliName() + " or " + GroundTruthFormat.FLICKR.cliName()
                    + ", not " + positives.cliName());
        };
        return ExtendedReader.read(base, o.negativesCsv());
    }

    /** A directory holds Flickr XMLs; a {@code .json} file is VGG-SS. */
    static GroundTruthFormat inferPositives(Path gt) {
        if (Files.isDirectory(gt)) {
            return GroundTruthFormat.FLICKR;
        }
        if (gt.getFileName() != null && gt.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json")) {
            return GroundTruthFormat.VGGSS;
        }
        throw new InputException("cannot tell whether the extended set's positives in " + gt
                + " are vggss or flickr (expected a .json file or a directory of XML files); give the positives format");
    }

    /**
     * The samples whose ids the subset lists, in the set's own order: IS3's loaders iterate the JSON
     * list, so the file order is kept (no reference restricts IS3 by an id list).
     */
    private static GroundTruthSet keepListed(GroundTruthSet all, Path idsSubset, Path gt) {
        if (idsSubset == null) {
            return all;
        }
        IdSubset subset = IdSubset.read(idsSubset);
        Set<String> wanted = new TreeSet<>(subset.inFileOrder());
        List<String> missing = wanted.stream().filter(id -> !all.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw subset.missing(missing, gt.toString());
        }
        List<GroundTruth> kept = new ArrayList<>(wanted.size());
        for (GroundTruth g : all) {
            if (wanted.contains(g.id())) {
                kept.add(g);
            }
        }
        return GroundTruthSet.of(kept, gt + " restricted to " + idsSubset);
    }
}
