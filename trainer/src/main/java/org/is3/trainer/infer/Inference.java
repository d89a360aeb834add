package org.is3.trainer.infer;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.is3.core.formats.NpyArray;
import org.is3.core.grid.Grid;
import org.is3.core.scoring.Progress;
import org.is3.models.runtime.DjlRuntime;
import org.is3.trainer.data.AvSource;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.train.Checkpoint;

/**
 * {@code is3 infer}: a checkpoint's maps for every example of a release or list, written as the
 * submission {@code .npz} the scorer and the eval server accept (one 224×224 float32 map per sample id,
 * ids as the ground truth names them). With embeddings, two more {@code .npz} files beside it,
 * {@code <name>_audio_emb.npz} and {@code <name>_visual_emb.npz}, one (d,) vector per id — the
 * eval server's {@code audio_emb} / {@code visual_emb} uploads.
 */
public final class Inference {

    private Inference() {
    }

    /** What was written. */
    public record Written(int samples, Path maps, Path audioEmbeddings, Path visualEmbeddings) {
    }

    public static Written run(Path checkpoint, AvSource source, Path out, boolean embeddings, int threads,
                              Progress progress) {
        if (threads > 0) {
            DjlRuntime.engine(threads);
        } else {
            DjlRuntime.engine();
        }
        try (NDManager manager = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
             AvModel model = Checkpoint.loadModel(checkpoint, manager)) {
            return run(model, source, out, embeddings, progress);
        }
    }

    public static Written run(AvModel model, AvSource source, Path out, boolean embeddings, Progress progress) {
        Path audioOut = embeddings ? sibling(out, "_audio_emb.npz") : null;
        Path visualOut = embeddings ? sibling(out, "_visual_emb.npz") : null;
        try (NpzWriter maps = new NpzWriter(out);
             NpzWriter audio = embeddings ? new NpzWriter(audioOut) : null;
             NpzWriter visual = embeddings ? new NpzWriter(visualOut) : null) {
            new Localizer(model, 16).run(source, p -> {
                maps.add(p.id(), NpyArray.of(p.map(), Grid.SIZE, Grid.SIZE));
                if (audio != null) {
                    audio.add(p.id(), NpyArray.of(p.audioEmbedding(), p.audioEmbedding().length));
                    visual.add(p.id(), NpyArray.of(p.visualEmbedding(), p.visualEmbedding().length));
                }
            }, progress);
            return new Written(maps.count(), out, audioOut, visualOut);
        }
    }

    private static Path sibling(Path out, String suffix) {
        String name = out.getFileName().toString();
        String stem = name.endsWith(".npz") ? name.substring(0, name.length() - 4) : name;
        return out.resolveSibling(stem + suffix);
    }
}
