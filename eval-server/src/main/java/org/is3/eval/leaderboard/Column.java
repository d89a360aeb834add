package org.is3.eval.leaderboard;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;
import java.util.Optional;

/**
 * A metric column of the leaderboard, in the order the papers' tables use (SSLalignment: cIoU,
 * cIoU Adap., AUC, AUC Adap., IIoU, IIoU Adap.; SLAVC extended: AP, max-F1, LocAcc; vssl_eval:
 * pIA per negative type). {@link #key} is the metric's key in {@code is3 eval score --json}
 * (metrics.md §2–§5, §7), whose values are fractions; pages show them ×100.
 */
public enum Column {
    CIOU("ciou", "cIoU", true),
    CIOU_ADAP("ciou_adap", "cIoU Adap.", true),
    AUC("auc", "AUC", true),
    AUC_ADAP("auc_adap", "AUC Adap.", true),
    IIOU("iiou", "IIoU", true),
    IIOU_ADAP("iiou_adap", "IIoU Adap.", true),
    AP("ap", "AP", true),
    MAX_F1("max_f1", "max-F1", true),
    LOC_ACC("loc_acc", "LocAcc", true),
    // pIA is the predicted area on a negative: a method that localises nothing scores 0, the best
    PIA_SILENCE("pia_silence", "pIA silence", false),
    PIA_NOISE("pia_noise", "pIA noise", false),
    PIA_OFFSCREEN("pia_offscreen", "pIA off-screen", false);

    /** The six columns every benchmark shows. */
    public static final List<Column> PAPER = List.of(CIOU, CIOU_ADAP, AUC, AUC_ADAP, IIOU, IIOU_ADAP);
    /** The columns added for benchmarks with non-sounding negatives (SLAVC, metrics.md §5). */
    public static final List<Column> NEGATIVES = List.of(AP, MAX_F1, LOC_ACC);
    /** The per-type negatives of vssl_eval, shown when some entry carries them. */
    public static final List<Column> PIA = List.of(PIA_SILENCE, PIA_NOISE, PIA_OFFSCREEN);

    private final String key;
    private final String label;
    private final boolean higherIsBetter;

    Column(String key, String label, boolean higherIsBetter) {
        this.key = key;
        this.label = label;
        this.higherIsBetter = higherIsBetter;
    }

    /** The metric key, also used in {@code ?sort=}, the CSV header and JSON. */
    @JsonValue
    public String key() {
        return key;
    }

    /** The header as printed in the papers' tables. */
    public String label() {
        return label;
    }

    /** Whether a larger value is the better one; decides ranks and the default sort order. */
    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** The column whose metric key is {@code key}, if any. */
    public static Optional<Column> byKey(String key) {
        for (Column c : values()) {
            if (c.key.equals(key)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
