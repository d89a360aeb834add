package org.is3.eval.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationProtocol;

/** Ground truth, benchmarks and clocks the store tests share. */
public final class StoreFixtures {

    private static final AtomicLong UNIQUE = new AtomicLong();

    private StoreFixtures() {
    }

    /** A name no other test of the run uses, so tests can share one database. */
    public static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + UNIQUE.incrementAndGet();
    }

    /**
     * {@code n} samples of every shape a reader makes: box unions, Flickr consensus maps (values
     * 0.5 and 1), a ragged mask of many runs, a full map, and negatives of every kind. The ids run
     * backwards so that the stored order cannot come from sorting.
     */
    public static GroundTruthSet generated(int n) {
        List<GroundTruth> samples = new ArrayList<>(n);
        SampleKind[] negatives = {SampleKind.NON_SOUNDING, SampleKind.SILENCE, SampleKind.NOISE, SampleKind.OFFSCREEN};
        for (int i = 0; i < n; i++) {
            String id = String.format("gen_%04d", n - i);
            int k = i % 6;
            GroundTruth g = switch (k) {
                case 0 -> GroundTruth.positive(id, GtMap.union(List.of(new PixelBox(i % 50, 10, 120 + i % 100, 200),
                        new PixelBox(150, 5 + i % 30, 223, 60))), 2);
                case 1 -> GroundTruth.positive(id, GtMap.consensus(List.of(new PixelBox(20, 20, 140, 140),
                        new PixelBox(80 + i % 40, 60, 200, 210), new PixelBox(0, 0, 30, 30))), 3);
                case 2 -> GroundTruth.positive(id, GtMap.fromMask(raggedMask(i)), 1);
                case 3 -> GroundTruth.positive(id, GtMap.fromMask(full()), 1);
                default -> new GroundTruth(id, GtMap.empty(), 0, negatives[(i / 6 + k) % negatives.length]);
            };
            samples.add(g);
        }
        return GroundTruthSet.of(samples, "generated");
    }

    private static boolean[] raggedMask(int seed) {
        boolean[] mask = new boolean[Grid.PIXELS];
        for (int p = 0; p < mask.length; p++) {
            int r = p / Grid.SIZE;
            int c = p % Grid.SIZE;
            mask[p] = ((r * 7 + c * 13 + seed) % 11) < 4 && r > 30;
        }
        return mask;
    }

    private static boolean[] full() {
        boolean[] mask = new boolean[Grid.PIXELS];
        Arrays.fill(mask, true);
        return mask;
    }

    /** A benchmark of {@code samples} generated samples, all on the test split. */
    public static Benchmark benchmark(DataSource dataSource, int samples) {
        GroundTruthSet truth = generated(samples);
        return new Benchmarks(dataSource).create(new NewBenchmark(unique("bench"), GroundTruthFormat.IS3,
                LocalizationProtocol.SSLALIGN, 0.03, List.of(new SplitTruth(SplitVisibility.TEST, truth))));
    }

    /** A phase open since an hour before {@code now}, closing in a day, with these quotas. */
    public static Phase openPhase(DataSource dataSource, Benchmark benchmark, Instant now, int daily, int total,
                                  int failed) {
        return new Phases(dataSource).add(benchmark.name(), new NewPhase(unique("phase"), now.minusSeconds(3600),
                now.plusSeconds(86_400), daily, total, failed, true));
    }

    /** Sets a submission's status as a worker would, e.g. to fail it. */
    public static void setStatus(DataSource dataSource, long submissionId, SubmissionStatus status) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "UPDATE eval_submission SET status = ?, finished_at = now() WHERE id = ?")) {
            update.setString(1, status.dbName());
            update.setLong(2, submissionId);
            update.executeUpdate();
        }
    }

    /** Writes a result row as the scoring worker would. */
    public static void writeResult(DataSource dataSource, long submissionId, long splitId, String metricsJson)
            throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO eval_result (submission_id, split_id, metrics) VALUES (?, ?, ?::jsonb)")) {
            insert.setLong(1, submissionId);
            insert.setLong(2, splitId);
            insert.setString(3, metricsJson);
            insert.executeUpdate();
        }
    }

    /**
     * A file of {@code /work/shared/data} (found by walking up from the working directory), or empty
     * when this checkout has none beside it.
     */
    public static Optional<Path> sharedData(String file) {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("data").resolve(file);
            if (Files.isReadable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A clock the test moves by hand. */
    public static final class MovableClock extends Clock {
        private volatile Instant now;

        public MovableClock(Instant start) {
            this.now = start;
        }

        public void set(Instant instant) {
            now = instant;
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
