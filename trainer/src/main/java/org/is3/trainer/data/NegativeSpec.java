package org.is3.trainer.data;

/**
 * SSL-SaN negative audio in training batches.
 *
 * @param rate       negatives per batch as a fraction of the batch size (0 = off); half silence, half
 *                   noise, alternating
 * @param weight     weight of {@code NegativeAudioLoss} against eq. 5
 * @param noiseLevel standard deviation of the white noise (datasets.md IS3+: N(0, 1) is the reference)
 */
public record NegativeSpec(double rate, double weight, double noiseLevel) {

    public NegativeSpec {
        if (!(rate >= 0 && rate <= 4) || !(weight >= 0) || !(noiseLevel >= 0)) {
            throw new IllegalArgumentException("negatives: rate in [0, 4], weight >= 0 and noiseLevel >= 0 required, got "
                    + rate + ", " + weight + ", " + noiseLevel);
        }
    }

    public static NegativeSpec off() {
        return new NegativeSpec(0, 1, 1);
    }

    public int count(int batchSize) {
        return (int) Math.round(rate * batchSize);
    }
}
