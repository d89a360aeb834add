package org.is3.models.sd.scheduler;

import java.util.Locale;
import org.is3.core.InputException;

/**
 * How inference timesteps are spread over the training timesteps (the three spacings of diffusers,
 * "Common Diffusion Noise Schedules and Sample Steps are Flawed", table 2).
 */
public enum TimestepSpacing {
    /** {@code round(linspace(0, N-1, steps))}, no offset. */
    LINSPACE,
    /** {@code k · (N div steps) + steps_offset}: SD 1.5's setting (steps_offset 1). */
    LEADING,
    /** {@code round(N - k · N/steps) - 1}. */
    TRAILING;

    public static TimestepSpacing parse(String value) {
        try {
            return valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new InputException("timestep_spacing must be linspace, leading or trailing, got '" + value + "'");
        }
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
