package org.is3.core.gt;

import java.util.Optional;

/**
 * The IS3+ negative audio types (datasets.md "IS3+"), their names in a release's
 * {@code synthetic_bbox.json} and the sample-id suffix that ties a negative to its positive
 * instance: {@code <instance>_silence}, {@code <instance>_noise}, {@code <instance>_offscreen}
 * (docs/release-format.md).
 */
public enum NegativeAudio {
    SILENCE("silence", SampleKind.SILENCE),
    NOISE("noise", SampleKind.NOISE),
    OFFSCREEN("offscreen", SampleKind.OFFSCREEN);

    private final String fieldValue;
    private final SampleKind kind;

    NegativeAudio(String fieldValue, SampleKind kind) {
        this.fieldValue = fieldValue;
        this.kind = kind;
    }

    /** The value of the entry's {@code negative} field, also the id suffix after {@code '_'}. */
    public String fieldValue() {
        return fieldValue;
    }

    public SampleKind kind() {
        return kind;
    }

    /** The sample id of this negative of an instance: {@code <instance>_<type>}. */
    public String sampleId(String instance) {
        return instance + "_" + fieldValue;
    }

    /** The type named by a {@code negative} field value (exact, lower case), if it is one. */
    public static Optional<NegativeAudio> fromFieldValue(String value) {
        for (NegativeAudio n : values()) {
            if (n.fieldValue.equals(value)) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /** The type of a sample kind; empty for POSITIVE and NON_SOUNDING. */
    public static Optional<NegativeAudio> of(SampleKind kind) {
        for (NegativeAudio n : values()) {
            if (n.kind == kind) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    /**
     * The positive instance a negative sample belongs to: its id without the {@code _<type>} suffix,
     * which the IS3+ reader guarantees; empty for samples of other kinds.
     */
    public static Optional<String> instanceOf(GroundTruth g) {
        return of(g.kind()).map(n -> {
            String suffix = "_" + n.fieldValue;
            String id = g.id();
            return id.endsWith(suffix) ? id.substring(0, id.length() - suffix.length()) : id;
        });
    }

    static String validNames() {
        StringBuilder s = new StringBuilder();
        for (NegativeAudio n : values()) {
            s.append(s.length() == 0 ? "" : ", ").append('"').append(n.fieldValue).append('"');
        }
        return s.toString();
    }
}
