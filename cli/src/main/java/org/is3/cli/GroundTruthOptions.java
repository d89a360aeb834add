package org.is3.cli;

import java.nio.file.Path;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import picocli.CommandLine.Option;

/** Where ground truth comes from; shared by {@code eval score} and {@code eval admin create-benchmark}. */
final class GroundTruthOptions {
    @Option(names = "--gt", required = true, paramLabel = "PATH",
            description = "Ground truth: a JSON file (is3, is3-seg, vggss), a directory of XML files (flickr) or an IS3+ release directory (is3plus).")
    Path gt;

    @Option(names = "--gt-format", required = true, paramLabel = "FORMAT",
            description = "is3 | is3-seg | vggss | flickr | extended | is3plus")
    String gtFormat;

    @Option(names = "--negatives", paramLabel = "CSV",
            description = "SLAVC *_test_plus_silent.csv of negatives (with --gt-format extended).")
    Path negatives;

    @Option(names = "--ids", paramLabel = "FILE",
            description = "Keep only these ids (one per line, or a CSV whose first column is the id);"
                    + " VGG-SS ids may use SSL-Align's <ytid>_<ms>_<ms> form.")
    Path ids;

    @Option(names = "--masks", paramLabel = "DIR", description = "Directory of mask images (is3-seg).")
    Path masks;

    GroundTruthFormat format() {
        return GroundTruthFormat.fromName(gtFormat);
    }

    GroundTruthSet read() {
        return GroundTruthReaders.read(format(), gt, GroundTruthReaders.Options.defaults()
                .withIdsSubset(ids).withNegativesCsv(negatives).withMasksDir(masks));
    }
}
