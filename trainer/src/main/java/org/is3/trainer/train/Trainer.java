package org.is3.trainer.train;

import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.scoring.Progress;
import org.is3.models.runtime.DjlRuntime;
import org.is3.trainer.data.AvSource;
import org.is3.trainer.data.BatchMaker;
import org.is3.trainer.data.Neighbours;
import org.is3.trainer.infer.Localizer;
import org.is3.trainer.model.AvModel;
import org.is3.trainer.optim.Adam;
import org.is3.trainer.report.CsvLog;
import org.is3.trainer.report.LinePlot;
import org.is3.trainer.validate.Validator;

/**
 * Runs a training configuration: builds (or resumes from the newest checkpoint in
 * {@code out/checkpoints}) the model and Adam, then steps, logging every step to {@code train.csv},
 * checkpointing and validating on schedule ({@code validation.csv}), and drawing {@code loss.png} and
 * {@code metrics.png}. The device is {@link DjlRuntime#device()}, chosen once.
 */
public final class Trainer {

    static final List<String> TRAIN_COLUMNS = List.of("step", "epoch", "loss", "loc", "align", "negative",
            "samples_per_s", "elapsed_s");
    static final List<String> METRICS = List.of("ciou", "auc", "ciou_adap", "iiou", "iiou_adap", "mean_ciou",
            "pia_silence", "pia_noise", "pia_offscreen");

    /** Consecutive skipped (non-finite) steps after which the run stops. */
    static final int MAX_SKIPPED = 10;

    private final TrainConfig cfg;
    private final TrainListener listener;

    public Trainer(TrainConfig cfg, TrainListener listener) {
        this.cfg = cfg;
        this.listener = listener;
    }

    /** Trains to {@code cfg.steps()}; returns the path of the final checkpoint. */
    public Path run() {
        Engine engine = cfg.threads() > 0 ? DjlRuntime.engine(cfg.threads()) : DjlRuntime.engine();
        engine.setRandomSeed((int) cfg.seed());
        Path ckptDir = cfg.out().resolve("checkpoints");
        Path resume = Checkpoint.latest(ckptDir);
        NDManager manager = NDManager.newBaseManager(DjlRuntime.device(), DjlRuntime.ENGINE);
        Adam[] adam = new Adam[1];
        AvModel model = resume != null
                ? Checkpoint.restore(resume, manager, mdl -> adam[0] = newAdam(mdl, manager))
                : fresh(manager);
        if (adam[0] == null) {
            adam[0] = newAdam(model, manager);
        }
        if (resume != null && !Checkpoint.header(resume).spec().equals(cfg.model())) {
            throw new InputException(resume + " was trained with model " + Checkpoint.header(resume).spec()
                    + ", the config asks for " + cfg.model() + "; use another 'out' directory");
        }
        long first = adam[0].steps();
        listener.onMessage((resume != null ? "resuming from " + resume + " at step " + first : "starting")
                + " on " + DjlRuntime.device());
        adam[0].attachGradients();
        try (model; Run run = new Run(model, adam[0], first)) {
            return run.loop();
        }
    }

    private AvModel fresh(NDManager manager) {
        AvModel model = AvModel.create(cfg.model(), manager);
        loadEncoder(model, 0, cfg.visualWeights());
        loadEncoder(model, 1, cfg.audioWeights());
        return model;
    }

    private static void loadEncoder(AvModel model, int which, Path file) {
        if (file == null) {
            return;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            model.loadEncoder(which, in);
        } catch (IOException | MalformedModelException e) {
            throw new InputException(file + ": cannot load " + (which == 0 ? "visual" : "audio")
                    + " encoder weights (a DJL parameter file of a ResNet-18 trunk of the configured width): "
                    + e.getMessage(), e);
        }
    }

    private Adam newAdam(AvModel model, NDManager manager) {
        return new Adam(model.trainable(), (float) cfg.lr(), manager);
    }

    /** The state of one run of the loop. */
    private final class Run implements AutoCloseable {
        private final AvModel model;
        private final Adam adam;
        private final long first;
        private final AvSource source;
        private final BatchMaker maker;
        private final Prefetcher prefetch;
        private final TrainStep stepper;
        private final Validator validator;
        private final CsvLog trainLog;
        private final CsvLog validationLog;

        Run(AvModel model, Adam adam, long first) {
            this.model = model;
            this.adam = adam;
            this.first = first;
            source = Sources.training(cfg.data(), cfg.model().imageSize());
            listener.onMessage("training data: " + source.describe());
            maker = new BatchMaker(source, cfg.model(), cfg.augment(), cfg.negatives(), cfg.batchSize(), cfg.seed());
            if (cfg.positives().mode().equals("embeddings")) {
                maker.neighbours(Neighbours.fromNpy(cfg.positives().imageEmbeddings(), source.size(), cfg.positives().k()),
                        Neighbours.fromNpy(cfg.positives().audioEmbeddings(), source.size(), cfg.positives().k()));
            }
            prefetch = new Prefetcher(maker, 2, cfg.steps());
            stepper = new TrainStep(model, adam, cfg.tau(), cfg.negatives().weight());
            validator = cfg.validation().kind().equals("none") ? null
                    : new Validator(Sources.validationRelease(cfg.validation(), cfg.data(), cfg.validationScenes(), cfg.out()));
            trainLog = new CsvLog(cfg.out().resolve("train.csv"), TRAIN_COLUMNS);
            List<String> vcols = new ArrayList<>(List.of("step"));
            vcols.addAll(METRICS);
            validationLog = new CsvLog(cfg.out().resolve("validation.csv"), vcols);
        }

        Path loop() {
            long t0 = System.nanoTime();
            int skipped = 0;
            if (validator != null && first == 0) {
                validate(0); // the untrained starting point, so the metric curves start where training did
            }
            Path last = null;
            for (long step = first; step < cfg.steps(); step++) {
                refreshNeighbours(step);
                long s0 = System.nanoTime();
                double[] l = stepper.run(prefetch.take(step));
                double stepSeconds = (System.nanoTime() - s0) / 1e9;
                long done = step + 1;
                StepStats st = new StepStats(done, cfg.steps(), (int) maker.epochOf(step), l[0], l[1], l[2], l[3],
                        cfg.batchSize() / stepSeconds, (System.nanoTime() - t0) / 1e9);
                trainLog.add(done, st.epoch(), st.loss(), st.localization(), st.alignment(), st.negative(),
                        st.samplesPerSecond(), st.elapsedSeconds());
                listener.onStep(st, first);
                skipped = l[4] == 1 ? 0 : skipped + 1;
                if (skipped > 0) {
                    listener.onMessage("step " + done + ": loss " + l[0] + " or a gradient not finite; update skipped");
                }
                if (skipped >= MAX_SKIPPED) {
                    throw new IllegalStateException(MAX_SKIPPED + " steps in a row up to step " + done
                            + " had a non-finite loss or gradient; lower lr");
                }
                boolean end = done == cfg.steps();
                if (end || cfg.checkpointEvery() > 0 && done % cfg.checkpointEvery() == 0) {
                    last = Checkpoint.save(cfg.out().resolve("checkpoints"), done, model, adam);
                    listener.onCheckpoint(last);
                }
                if (validator != null && (end || cfg.validateEvery() > 0 && done % cfg.validateEvery() == 0)) {
                    validate(done);
                }
            }
            plots();
            return last != null ? last : Checkpoint.latest(cfg.out().resolve("checkpoints"));
        }

        private void validate(long step) {
            Map<String, Object> m = validator.score(model);
            double[] row = new double[METRICS.size() + 1];
            row[0] = step;
            for (int i = 0; i < METRICS.size(); i++) {
                Object v = m.get(METRICS.get(i));
                row[i + 1] = v instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            validationLog.add(row);
            listener.onValidation(step, m);
            plots();
        }

        /** Bootstrapped positives: from the second epoch on, kNN over the model's own projected features. */
        private void refreshNeighbours(long step) {
            if (!cfg.positives().mode().equals("bootstrap")) {
                return;
            }
            long epoch = maker.epochOf(step);
            boolean boundary = step == first || epoch != maker.epochOf(step - 1);
            if (epoch < 1 || !boundary) {
                return;
            }
            prefetch.clear();
            listener.onMessage("epoch " + epoch + ": refreshing the bootstrapped neighbours over " + source.size()
                    + " examples");
            float[][] visual = new float[source.size()][];
            float[][] audio = new float[source.size()][];
            int[] i = {0};
            new Localizer(model, 16).run(source, p -> {
                visual[i[0]] = p.visualEmbedding();
                audio[i[0]++] = p.audioEmbedding();
            }, Progress.NONE);
            maker.neighbours(new Neighbours(visual, cfg.positives().k()), new Neighbours(audio, cfg.positives().k()));
        }

        private void plots() {
            LinePlot.write(cfg.out().resolve("loss.png"), "training loss", trainLog.columns(), trainLog.rows(), "step",
                    List.of("loss", "loc", "align", "negative"));
            if (validator != null) {
                LinePlot.write(cfg.out().resolve("metrics.png"), "validation (" + validator.release().getFileName() + ")",
                        validationLog.columns(), validationLog.rows(), "step",
                        List.of("ciou", "auc", "ciou_adap", "iiou", "mean_ciou", "pia_silence", "pia_noise"));
            }
        }

        @Override
        public void close() {
            prefetch.close();
            trainLog.close();
            validationLog.close();
        }
    }
}
