package org.is3.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.is3.trainer.train.StepStats;
import org.is3.trainer.train.TrainListener;

/**
 * The training progress bar on stderr (loss, samples/s, ETA), redrawn at most ten times a second and
 * only on a terminal; checkpoints, validations and messages go to stdout as lines.
 */
final class TrainProgress implements TrainListener, AutoCloseable {
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintWriter out;
    private final PrintStream err;
    private long lastDraw;
    private boolean drawn;
    private double smoothedRate = Double.NaN;

    TrainProgress(PrintWriter out) {
        this.out = out;
        this.err = System.console() != null ? System.err : null;
    }

    @Override
    public void onStep(StepStats s, long firstStep) {
        smoothedRate = Double.isNaN(smoothedRate) ? s.samplesPerSecond() : 0.9 * smoothedRate + 0.1 * s.samplesPerSecond();
        if (err == null) {
            return;
        }
        long now = System.nanoTime();
        if (s.step() < s.totalSteps() && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        int filled = (int) (s.step() * WIDTH / Math.max(1, s.totalSteps()));
        err.printf(Locale.ROOT, "\rtrain [%s%s] %d/%d  loss %.4f  %.1f samples/s  ETA %s   ", "#".repeat(filled),
                " ".repeat(WIDTH - filled), s.step(), s.totalSteps(), s.loss(), smoothedRate, eta(s.etaSeconds(firstStep)));
        drawn = true;
    }

    @Override
    public void onCheckpoint(Path file) {
        line("checkpoint " + file);
    }

    @Override
    public void onValidation(long step, Map<String, Object> metrics) {
        line(String.format(Locale.ROOT, "step %d validation: cIoU %s  AUC %s  IIoU %s  cIoU-adap %s  pIA silence %s  noise %s",
                step, pct(metrics.get("ciou")), pct(metrics.get("auc")), pct(metrics.get("iiou")),
                pct(metrics.get("ciou_adap")), pct(metrics.get("pia_silence")), pct(metrics.get("pia_noise"))));
    }

    @Override
    public void onMessage(String line) {
        line(line);
    }

    private void line(String text) {
        if (drawn) {
            err.println();
            drawn = false;
        }
        out.println(text);
        out.flush();
    }

    static String pct(Object v) {
        return v instanceof Number n ? String.format(Locale.ROOT, "%.2f", n.doubleValue() * 100) : "-";
    }

    private static String eta(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    @Override
    public void close() {
        if (drawn) {
            err.println();
        }
    }
}
