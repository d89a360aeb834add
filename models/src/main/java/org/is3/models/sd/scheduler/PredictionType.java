package org.is3.models.sd.scheduler;

import org.is3.core.InputException;

/** What the UNet predicts: the added noise ({@code epsilon}, SD 1.x) or the velocity ({@code v}, SD 2.x 768). */
public enum PredictionType {
    EPSILON, V;

    /** Parses {@code epsilon}, {@code v} or diffusers' {@code v_prediction}. */
    public static PredictionType parse(String value) {
        return switch (value == null ? "" : value.toLowerCase(java.util.Locale.ROOT)) {
            case "epsilon" -> EPSILON;
            case "v", "v_prediction" -> V;
            default -> throw new InputException("prediction_type must be epsilon or v, got '" + value + "'");
        };
    }
}
