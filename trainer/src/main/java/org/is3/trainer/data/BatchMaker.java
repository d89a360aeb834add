package org.is3.trainer.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.is3.core.audio.Negatives;
import org.is3.core.audio.Waveform;
import org.is3.trainer.model.ModelSpec;

/**
 * Builds the batch of a training step. Everything random about step t — which examples (a seeded
 * permutation per epoch), their augmentations, the neighbour picked, the noise — is drawn from a
 * generator seeded by (seed, t), so a batch depends on nothing but the step: a run resumed from a
 * checkpoint sees the same batches as an uninterrupted one, and a prefetch thread may build batches
 * ahead of the trainer.
 */
public final class BatchMaker {

    private final AvSource source;
    private final ModelSpec model;
    private final AugmentSpec augment;
    private final NegativeSpec negatives;
    private final int batchSize;
    private final long seed;
    private volatile Neighbours imageNeighbours;
    private volatile Neighbours audioNeighbours;
    private long cachedEpoch = -1;
    private int[] cachedOrder;

    public BatchMaker(AvSource source, ModelSpec model, AugmentSpec augment, NegativeSpec negatives, int batchSize,
                      long seed) {
        if (batchSize < 2) {
            throw new IllegalArgumentException("contrastive training needs a batch of at least 2, got " + batchSize);
        }
        this.source = source;
        this.model = model;
        this.augment = augment;
        this.negatives = negatives;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    /** Sets the kNN positives (both null = no semantically similar views). */
    public void neighbours(Neighbours images, Neighbours audio) {
        this.imageNeighbours = images;
        this.audioNeighbours = audio;
    }

    /** Examples per epoch. */
    public int epochSize() {
        return source.size();
    }

    /** The epoch step {@code step} belongs to. */
    public long epochOf(long step) {
        return step * batchSize / source.size();
    }

    public Batch make(long step) {
        SplittableRandom rng = new SplittableRandom(mix(seed, step));
        Neighbours vn = imageNeighbours;
        Neighbours an = audioNeighbours;
        boolean conc = vn != null && an != null;
        int s = model.imageSize();
        int img = 3 * s * s;
        int aud = model.bins() * model.frames();
        float[] images = new float[batchSize * img];
        float[] imagesAug = new float[batchSize * img];
        float[] imagesConc = conc ? new float[batchSize * img] : null;
        float[] audio = new float[batchSize * aud];
        float[] audioAug = new float[batchSize * aud];
        float[] audioConc = conc ? new float[batchSize * aud] : null;
        List<String> ids = new ArrayList<>(batchSize);
        Waveform first = null;
        for (int i = 0; i < batchSize; i++) {
            int index = indexAt(step * batchSize + i);
            AvExample ex = source.get(index);
            first = first == null ? ex.audio() : first;
            ids.add(ex.id());
            System.arraycopy(ImageInput.tensor(ex.image(), s), 0, images, i * img, img);
            System.arraycopy(ImageAugment.view(ex.image(), s, augment, rng), 0, imagesAug, i * img, img);
            float[][] views = AudioInput.views(ex.audio(), model.preset(), model.audioFrames(), augment.shiftSeconds(), rng);
            System.arraycopy(views[0], 0, audio, i * aud, aud);
            System.arraycopy(views[1], 0, audioAug, i * aud, aud);
            if (conc) {
                AvExample v = source.get(vn.pick(index, rng));
                System.arraycopy(ImageInput.tensor(v.image(), s), 0, imagesConc, i * img, img);
                AvExample a = source.get(an.pick(index, rng));
                System.arraycopy(AudioInput.tensor(a.audio(), model.preset(), model.audioFrames()), 0, audioConc,
                        i * aud, aud);
            }
        }
        int k = negatives.count(batchSize);
        float[] neg = new float[k * aud];
        for (int j = 0; j < k; j++) {
            Waveform w = j % 2 == 0 ? Negatives.silence(first)
                    : Negatives.noise(first, rng.nextLong(), negatives.noiseLevel());
            System.arraycopy(AudioInput.tensor(w, model.preset(), model.audioFrames()), 0, neg, j * aud, aud);
        }
        return new Batch(step, ids, images, imagesAug, imagesConc, audio, audioAug, audioConc, neg, k);
    }

    /** The example at position p of the endless stream of seeded epoch permutations. */
    private synchronized int indexAt(long p) {
        int n = source.size();
        long epoch = p / n;
        if (epoch != cachedEpoch) {
            cachedOrder = permutation(n, new SplittableRandom(mix(seed ^ 0x7F4A7C15L, epoch)));
            cachedEpoch = epoch;
        }
        return cachedOrder[(int) (p % n)];
    }

    private static int[] permutation(int n, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    static long mix(long seed, long step) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + step).nextLong();
    }
}
