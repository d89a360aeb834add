package org.is3.eval.worker;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * Reads a benchmark's splits and hidden ground truth from {@code eval_split} / {@code eval_sample}.
 * Inflating thousands of stored maps takes about as long as scoring them, so the splits of the
 * last few benchmarks are kept, each under a stamp of its rows (count and row versions): any
 * insert, update or delete of a split or sample changes the stamp and the splits are read again.
 */
final class BenchmarkLoader {
    private static final int CACHED_BENCHMARKS = 4;

    private final DataSource dataSource;
    private final int threads;
    private final Map<Long, Cached> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
            return size() > CACHED_BENCHMARKS;
        }
    };

    private record Cached(String stamp, List<SplitTruth> splits) {
    }

    /**
     * @param threads threads that inflate the stored maps
     */
    BenchmarkLoader(DataSource dataSource, int threads) {
        this.dataSource = dataSource;
        this.threads = threads;
    }

    /**
     * @throws InputException when the benchmark has no splits or a split no samples (nothing to score)
     */
    BenchmarkTruth load(long benchmarkId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            // one snapshot for the benchmark, the stamp, its splits and samples
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return load(c, benchmarkId);
            } finally {
                c.rollback();
            }
        }
    }

    private BenchmarkTruth load(Connection c, long benchmarkId) throws SQLException {
        String name;
        String protocol;
        double tau;
        try (PreparedStatement s = c.prepareStatement("SELECT name, protocol, tau FROM eval_benchmark WHERE id = ?")) {
            s.setLong(1, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    throw new IllegalStateException("benchmark " + benchmarkId + " does not exist");
                }
                name = r.getString(1);
                protocol = r.getString(2);
                tau = r.getDouble(3);
            }
        }
        String stamp = stamp(c, benchmarkId);
        List<SplitTruth> splits;
        synchronized (cache) {
            Cached hit = cache.get(benchmarkId);
            splits = hit != null && hit.stamp().equals(stamp) ? hit.splits() : null;
        }
        if (splits == null) {
            splits = readSplits(c, benchmarkId, name);
            synchronized (cache) {
                cache.put(benchmarkId, new Cached(stamp, splits));
            }
        }
        return new BenchmarkTruth(benchmarkId, name, LocalizationProtocol.fromName(protocol), tau, splits);
    }

    /** Every split row and sample row of the benchmark with its row version ({@code xmin}), summed up. */
    private static String stamp(Connection c, long benchmarkId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT (SELECT string_agg(p.id || '@' || p.xmin, ',' ORDER BY p.id)"
                + " FROM eval_split p WHERE p.benchmark_id = ?),"
                + " count(x.position), coalesce(sum(x.xmin::text::bigint), 0)"
                + " FROM eval_split p JOIN eval_sample x ON x.split_id = p.id WHERE p.benchmark_id = ?")) {
            s.setLong(1, benchmarkId);
            s.setLong(2, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getString(1) + "/" + r.getLong(2) + "/" + r.getString(3);
            }
        }
    }

    private List<SplitTruth> readSplits(Connection c, long benchmarkId, String name) throws SQLException {
        Map<Long, SplitRows> splits = splitRows(c, benchmarkId, name);
        readSamples(c, benchmarkId, splits);
        List<SplitTruth> truths = new ArrayList<>();
        for (SplitRows split : splits.values()) {
            if (split.samples.isEmpty()) {
                throw new InputException("split " + split.name + " of benchmark " + name + " has no samples");
            }
            truths.add(new SplitTruth(split.id, split.name, split.visibility,
                    GroundTruthSet.of(split.samples, "split " + split.name + " of benchmark " + name)));
        }
        return List.copyOf(truths);
    }

    private record SplitRows(long id, String name, String visibility, List<GroundTruth> samples) {
    }

    private static Map<Long, SplitRows> splitRows(Connection c, long benchmarkId, String benchmark) throws SQLException {
        Map<Long, SplitRows> splits = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, visibility FROM eval_split WHERE benchmark_id = ? ORDER BY id")) {
            s.setLong(1, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    splits.put(r.getLong(1), new SplitRows(r.getLong(1), r.getString(2), r.getString(3), new ArrayList<>()));
                }
            }
        }
        if (splits.isEmpty()) {
            throw new InputException("benchmark " + benchmark + " has no splits to score against");
        }
        return splits;
    }

    /** A sample row as stored, before its map is inflated. */
    private record StoredSample(long splitId, String id, String storedKind, int boxCount, byte[] gt) {
        GroundTruth decode() {
            return new GroundTruth(id, GtCodec.inflate(gt, id), boxCount, kind(storedKind, id));
        }
    }

    /** Rows are fetched in order, then inflated on {@link #threads} threads. */
    private void readSamples(Connection c, long benchmarkId, Map<Long, SplitRows> splits) throws SQLException {
        List<StoredSample> stored = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT x.split_id, x.sample_id, x.kind, x.box_count, x.gt"
                + " FROM eval_sample x JOIN eval_split p ON p.id = x.split_id WHERE p.benchmark_id = ?"
                + " ORDER BY x.split_id, x.position")) {
            s.setLong(1, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(new StoredSample(r.getLong(1), r.getString(2), r.getString(3), r.getInt(4), r.getBytes(5)));
                }
            }
        }
        GroundTruth[] decoded = new GroundTruth[stored.size()];
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, decoded.length).parallel()
                    .forEach(i -> decoded[i] = stored.get(i).decode())).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading the ground truth of benchmark " + benchmarkId + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        for (int i = 0; i < decoded.length; i++) {
            splits.get(stored.get(i).splitId()).samples.add(decoded[i]);
        }
    }

    private static SampleKind kind(String stored, String sample) {
        try {
            return SampleKind.valueOf(stored.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sample " + sample + " has an unknown kind '" + stored + "'", e);
        }
    }
}
