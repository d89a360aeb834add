package org.is3.core.gt;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;

/**
 * SLAVC's extended test sets (Extended Flickr-SoundNet, Extended VGG-SS): the positives of the
 * base set followed by the non-sounding pairs of a {@code *_test_plus_silent.csv}.
 *
 * <p>Negatives follow SLAVC's {@code get_test_dataset}: every CSV row whose third field is exactly
 * {@code non-sounding} (so the {@code video,audio,label} header and any other label are skipped)
 * pairs the frame of {@code video} with the audio of {@code audio}; it has no boxes, an all-zero
 * GT and {@code boxCount} 0 (metrics.md §1, §5). Blank rows are skipped; a row with fewer than
 * three fields is an error (the reference fails on it).
 *
 * <p>Negative sample ids are {@code <video>__<audio>} (two underscores), see
 * {@link #negativeId}. SLAVC itself names a negative by its image file only ({@code file_id} =
 * the video id), which is the name of the positive of that video too, so its names cannot key
 * predictions; is3 needs a unique id per sample and uses the pair. A pair id equal to another
 * sample's id is reported as a duplicate.
 *
 * <p>Order: positives in their own order, then negatives in CSV order. SLAVC shuffles the combined
 * list without a seed; none of its metrics depends on the order (metrics.md §5).
 */
public final class ExtendedReader {
    static final String NON_SOUNDING = "non-sounding";

    private ExtendedReader() {
    }

    /** The id of the negative that pairs {@code video}'s frame with {@code audio}'s sound. */
    public static String negativeId(String video, String audio) {
        return video + "__" + audio;
    }

    /** {@code positives} followed by the negatives of {@code negativesCsv}. */
    public static GroundTruthSet read(GroundTruthSet positives, Path negativesCsv) {
        List<GroundTruth> samples = new ArrayList<>(positives.samples());
        int negatives = 0;
        for (CsvRows.Row row : CsvRows.read(negativesCsv)) {
            if (row.fields().isEmpty()) {
                continue;
            }
            if (row.fields().size() < 3) {
                throw new InputException(negativesCsv + ": line " + row.line() + " has " + row.fields().size()
                        + " field(s), expected video,audio,label");
            }
            if (!row.field(2).equals(NON_SOUNDING)) {
                continue;
            }
            String id = negativeId(row.field(0), row.field(1));
            samples.add(new GroundTruth(id, GtMap.empty(), 0, SampleKind.NON_SOUNDING));
            negatives++;
        }
        if (negatives == 0) {
            throw new InputException(negativesCsv + " has no row labelled '" + NON_SOUNDING
                    + "' (expected the header video,audio,label and rows like v1,a1," + NON_SOUNDING + ")");
        }
        return GroundTruthSet.of(samples, "the positives plus the negatives of " + negativesCsv);
    }
}
