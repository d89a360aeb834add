package org.is3.trainer.infer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.is3.core.grid.Upsample;
import org.is3.core.scoring.Progress;
import org.is3.trainer.data.AudioInput;
import org.is3.trainer.data.AvExample;
import org.is3.trainer.data.AvSource;
import org.is3.trainer.data.ImageInput;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.model.ModelSpec;
import org.is3.trainer.model.Similarity;

/**
 * Runs a model over a source in evaluation mode (BN running statistics, no augmentation) and hands
 * each example's {@link Prediction} to a consumer in source order.
 */
public final class Localizer {

    private final AvModel model;
    private final int batchSize;

    public Localizer(AvModel model, int batchSize) {
        this.model = model;
        this.batchSize = Math.max(1, batchSize);
    }

    public void run(AvSource source, Consumer<Prediction> out, Progress progress) {
        ModelSpec spec = model.spec();
        int s = spec.imageSize();
        int img = 3 * s * s;
        int aud = spec.bins() * spec.frames();
        for (int from = 0; from < source.size(); from += batchSize) {
            int n = Math.min(batchSize, source.size() - from);
            float[] images = new float[n * img];
            float[] audio = new float[n * aud];
            List<String> ids = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                AvExample ex = source.get(from + i);
                ids.add(ex.id());
                System.arraycopy(ImageInput.tensor(ex.image(), s), 0, images, i * img, img);
                System.arraycopy(AudioInput.tensor(ex.audio(), spec.preset(), spec.audioFrames()), 0, audio,
                        i * aud, aud);
            }
            emit(ids, images, audio, out);
            progress.update(from + n, source.size());
        }
    }

    private void emit(List<String> ids, float[] images, float[] audio, Consumer<Prediction> out) {
        ModelSpec spec = model.spec();
        int n = ids.size();
        try (NDManager m = model.manager().newSubManager()) {
            NDArray v = model.visualMap(AvModel.input(m, images, new Shape(n, 3, spec.imageSize(), spec.imageSize())), false);
            NDArray a = model.audioFeature(AvModel.input(m, audio, new Shape(n, 1, spec.bins(), spec.frames())), false);
            NDArray maps = Similarity.maps(v, a);
            NDArray pv = Similarity.normalize(model.visualProjection(v, false), 1);
            NDArray pa = Similarity.normalize(model.audioProjection(a, false), 1);
            int h = (int) maps.getShape().get(1);
            int w = (int) maps.getShape().get(2);
            float[] all = maps.toFloatArray();
            float[] vAll = pv.toFloatArray();
            float[] aAll = pa.toFloatArray();
            int d = spec.projectionDim();
            for (int i = 0; i < n; i++) {
                float[] small = new float[h * w];
                System.arraycopy(all, i * h * w, small, 0, h * w);
                float[] ve = new float[d];
                float[] ae = new float[d];
                System.arraycopy(vAll, i * d, ve, 0, d);
                System.arraycopy(aAll, i * d, ae, 0, d);
                out.accept(new Prediction(ids.get(i), Upsample.bilinearAlignCorners(small, h, w), ve, ae));
            }
        }
    }
}
