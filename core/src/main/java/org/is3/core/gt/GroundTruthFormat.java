package org.is3.core.gt;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/** The ground-truth layouts is3 reads (metrics.md §1), by the name users give on the command line. */
public enum GroundTruthFormat {
    /** SSLalignment list JSON with one 224-frame box per entry ({@code synthetic3240_bbox.json}). */
    IS3("is3"),
    /** SSLalignment list JSON whose {@code gt_box} is the path of a mask image ({@code synthetic3240_seg.json}). */
    IS3_SEG("is3-seg"),
    /** {@code vggss.json}: normalised boxes, binary union. */
    VGGSS("vggss"),
    /** A directory of Flickr-SoundNet XML annotations: consensus map. */
    FLICKR("flickr"),
    /** SLAVC extended set: VGG-SS or Flickr positives plus the non-sounding pairs of a {@code *_test_plus_silent.csv}. */
    EXTENDED("extended"),
    /**
     * An IS3+ release directory: its {@code synthetic_bbox.json} with positive instances and their
     * silence, noise and off-screen negatives (docs/release-format.md).
     */
    IS3PLUS("is3plus");

    private final String cliName;

    GroundTruthFormat(String cliName) {
        this.cliName = cliName;
    }

    /** The name used on the command line and in configuration. */
    public String cliName() {
        return cliName;
    }

    /** Looks a format up by its {@link #cliName()}, ignoring case and surrounding blanks. */
    public static GroundTruthFormat fromName(String name) {
        String wanted = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        for (GroundTruthFormat f : values()) {
            if (f.cliName.equals(wanted)) {
                return f;
            }
        }
        throw new InputException("unknown ground-truth format '" + name + "'; expected one of: " + validNames());
    }

    static String validNames() {
        return Arrays.stream(values()).map(GroundTruthFormat::cliName).collect(Collectors.joining(", "));
    }
}
