package org.is3.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.is3.trainer.data.ReleaseSource;
import org.is3.trainer.infer.Inference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "infer", mixinStandardHelpOptions = true,
        description = {"Write a trained checkpoint's localization maps as a submission file.",
            "One 224×224 float32 map per sample id in an .npz that 'is3 eval score' and the eval server",
            "accept. Ids follow the ground truth: IS3 instance names; IS3+ negatives",
            "<instance>_silence|noise|offscreen."})
final class InferCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "CKPT", description = "A .ckpt written by 'is3 train'.")
    Path checkpoint;

    @Option(names = "--data", required = true, paramLabel = "RELEASE_OR_LIST",
            description = "An is3 release directory (its synthetic_bbox.json) or an SSLalignment-style JSON list"
                    + " of {image, audio} entries (paths relative to the list).")
    Path data;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "The predictions .npz to write.")
    Path out;

    @Option(names = "--embeddings",
            description = "Also write <name>_audio_emb.npz and <name>_visual_emb.npz (one vector per id) for retrieval.")
    boolean embeddings;

    @Option(names = "--threads", defaultValue = "0", paramLabel = "N",
            description = "PyTorch intra-op threads (default: half the cores).")
    int threads;

    @Override
    public Integer call() {
        ReleaseSource source = ReleaseSource.open(data);
        Inference.Written w;
        try (ProgressBar bar = ProgressBar.onStderr("infer")) {
            w = Inference.run(checkpoint, source, out, embeddings, threads, bar);
        }
        spec.commandLine().getOut().printf("%d maps → %s%s%n", w.samples(), w.maps(),
                embeddings ? "; embeddings → " + w.audioEmbeddings() + ", " + w.visualEmbeddings() : "");
        return 0;
    }
}
