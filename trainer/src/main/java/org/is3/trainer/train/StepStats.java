package org.is3.trainer.train;

/**
 * What one optimiser step did.
 *
 * @param step          steps done after this one (1-based)
 * @param loss          the minimised total
 * @param localization  mean InfoNCE on sL over the view pairs
 * @param alignment     mean InfoNCE on sA over the view pairs
 * @param negative      the SSL-SaN term before its weight (0 without negatives)
 * @param samplesPerSecond examples of this step per wall-clock second of the step
 * @param elapsedSeconds since the run (or its resumption) started
 */
public record StepStats(long step, long totalSteps, int epoch, double loss, double localization, double alignment,
                        double negative, double samplesPerSecond, double elapsedSeconds) {

    /** Seconds left at the mean pace since the start. */
    public double etaSeconds(long firstStep) {
        long done = step - firstStep;
        return done <= 0 ? Double.NaN : elapsedSeconds / done * (totalSteps - step);
    }
}
