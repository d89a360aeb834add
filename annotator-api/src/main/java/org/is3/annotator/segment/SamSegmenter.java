package org.is3.annotator.segment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.is3.models.runtime.DjlRuntime;
import org.is3.models.sam.Box;
import org.is3.models.sam.SamPredictor;
import org.is3.models.sam.SamResult;

/**
 * {@code sam}: the models module's SAM predictor. The image embedding comes from the cache under
 * {@code <home>/cache/sam} (filled by the pipeline's embed stage, or on the first click), so a click
 * is a decoder-only call. When the clicks only grew since the last proposal for the same image, that
 * proposal's low-resolution logits are fed back, as SAM refines interactively.
 */
final class SamSegmenter implements Segmenter {

    static final String NAME = "sam";
    private static final int REMEMBERED = 256;

    private record Last(List<Click> clicks, float[] logits) {
    }

    private final SamPredictor predictor;
    private final Map<String, Last> last = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Last> eldest) {
            return size() > REMEMBERED;
        }
    };

    SamSegmenter(Path modelDir, Path home) {
        this.predictor = SamPredictor.load(modelDir, SamPredictor.defaultCacheDir(home), DjlRuntime.device());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean[] segment(SegmentRequest request) {
        List<org.is3.models.sam.Click> clicks = request.clicks().stream()
                .map(c -> new org.is3.models.sam.Click(c.x() + 0.5, c.y() + 0.5, c.positive()))
                .toList();
        Optional<Box> box = request.box().map(b -> new Box(b.x(), b.y(), b.x() + b.width(), b.y() + b.height()));
        Optional<float[]> previous = request.previousMask().isPresent() ? previousLogits(request) : Optional.empty();
        SamResult result = predictor.predict(request.image(), clicks, box, previous);
        synchronized (last) {
            last.put(request.imageKey(), new Last(request.clicks(), result.lowResLogits()));
        }
        return result.mask();
    }

    private Optional<float[]> previousLogits(SegmentRequest request) {
        synchronized (last) {
            Last l = last.get(request.imageKey());
            boolean grew = l != null && l.clicks().size() < request.clicks().size()
                    && request.clicks().subList(0, l.clicks().size()).equals(l.clicks());
            return grew ? Optional.of(l.logits()) : Optional.empty();
        }
    }

    @Override
    public void close() {
        predictor.close();
    }
}
