package org.is3.models.sd;

import org.is3.core.InputException;
import org.is3.models.sd.scheduler.SchedulerKind;

/**
 * What to generate. {@code null} in an optional field means "the model's default" ({@code model.json}).
 *
 * @param negativePrompt the unconditional text of classifier-free guidance ("" when none)
 * @param seed           image {@code k} of the batch uses seed {@code seed + k}, so it equals a single
 *                       generation with that seed
 * @param count          images in the batch (they share one UNet call per step)
 * @param guidance       classifier-free guidance scale; ≤ 1 turns guidance off (one UNet pass per step)
 */
public record SdRequest(String prompt, String negativePrompt, long seed, int count, Integer steps, Double guidance,
                        SchedulerKind scheduler, Integer width, Integer height) {

    public static final int MAX_COUNT = 64;

    public SdRequest {
        if (prompt == null) {
            throw new InputException("prompt is missing");
        }
        negativePrompt = negativePrompt == null ? "" : negativePrompt;
        if (count < 1 || count > MAX_COUNT) {
            throw new InputException("count must be in 1.." + MAX_COUNT + ", got " + count);
        }
        if (steps != null && steps < 1) {
            throw new InputException("steps must be at least 1, got " + steps);
        }
        if (guidance != null && (guidance.isNaN() || guidance.isInfinite() || guidance < 0)) {
            throw new InputException("guidance must be a finite number ≥ 0, got " + guidance);
        }
    }

    /** One image of {@code prompt} with {@code seed} and every other choice the model's default. */
    public static SdRequest of(String prompt, long seed) {
        return new SdRequest(prompt, "", seed, 1, null, null, null, null, null);
    }

    public SdRequest withNegative(String value) {
        return new SdRequest(prompt, value, seed, count, steps, guidance, scheduler, width, height);
    }

    public SdRequest withCount(int value) {
        return new SdRequest(prompt, negativePrompt, seed, value, steps, guidance, scheduler, width, height);
    }

    public SdRequest withSteps(Integer value) {
        return new SdRequest(prompt, negativePrompt, seed, count, value, guidance, scheduler, width, height);
    }

    public SdRequest withGuidance(Double value) {
        return new SdRequest(prompt, negativePrompt, seed, count, steps, value, scheduler, width, height);
    }

    public SdRequest withScheduler(SchedulerKind value) {
        return new SdRequest(prompt, negativePrompt, seed, count, steps, guidance, value, width, height);
    }

    public SdRequest withSize(Integer w, Integer h) {
        return new SdRequest(prompt, negativePrompt, seed, count, steps, guidance, scheduler, w, h);
    }
}
