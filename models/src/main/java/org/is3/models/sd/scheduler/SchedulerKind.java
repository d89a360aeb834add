package org.is3.models.sd.scheduler;

import java.util.Locale;
import org.is3.core.InputException;

/** The schedulers is3 implements; their default spacing is diffusers' default for each class. */
public enum SchedulerKind {
    DDIM(TimestepSpacing.LEADING),
    PNDM(TimestepSpacing.LEADING),
    EULER(TimestepSpacing.LINSPACE);

    private final TimestepSpacing defaultSpacing;

    SchedulerKind(TimestepSpacing defaultSpacing) {
        this.defaultSpacing = defaultSpacing;
    }

    /** The spacing diffusers' class uses when the model's scheduler config names none (SD 1.5's does not). */
    public TimestepSpacing defaultSpacing() {
        return defaultSpacing;
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** {@code ddim}, {@code pndm}, {@code euler} (also diffusers' class names, e.g. {@code EulerDiscreteScheduler}). */
    public static SchedulerKind parse(String value) {
        String v = value == null ? "" : value.toLowerCase(Locale.ROOT).replace("scheduler", "");
        return switch (v) {
            case "ddim" -> DDIM;
            case "pndm", "plms" -> PNDM;
            case "euler", "eulerdiscrete", "euler_discrete" -> EULER;
            default -> throw new InputException("scheduler must be ddim, pndm or euler, got '" + value + "'");
        };
    }
}
