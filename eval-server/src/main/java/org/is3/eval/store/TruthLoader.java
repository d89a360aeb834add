package org.is3.eval.store;

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
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * Reads a benchmark's splits and hidden ground truth back from {@code eval_split} /
 * {@code eval_sample}: each split's {@link GroundTruthSet} equal, sample by sample and in order, to
 * the set it was imported from. Inflating thousands of stored maps takes about as long as scoring
 * them, so they are inflated on several threads, and the splits of the last few benchmarks are
 * kept, each under a stamp of its rows (count and row versions): any insert, update or delete of a
 * split or sample changes the stamp and the splits are read again.
 */
public final class TruthLoader {
    private static final int CACHED_BENCHMARKS = 4;

    private final DataSource dataSource;
    private final int threads;
    private final Map<Long, Cached> cache = new LinkedHashMap<>(8, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Cached> eldest) {
            return size() > CACHED_BENCHMARKS;
        }
    };

    private record Cached(String stamp, List<LoadedSplit> splits) {
    }

    /**
     * @param threads threads that inflate the stored maps
     */
    public TruthLoader(DataSource dataSource, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.dataSource = dataSource;
        this.threads = threads;
    }

    /**
     * The benchmark with every split (in id order) and its ground truth; a split may be empty.
     *
     * @throws IllegalStateException when no benchmark has this id
     */
    public BenchmarkTruth load(long benchmarkId) throws SQLException {
        return inSnapshot(c -> load(c, benchmarkId));
    }

    /**
     * The ground truth of one split, read (or found cached) with the rest of its benchmark.
     *
     * @throws NotFoundException when no split has this id
     */
    GroundTruthSet loadSplit(long splitId) throws SQLException {
        return inSnapshot(c -> {
            long benchmarkId;
            try (PreparedStatement s = c.prepareStatement("SELECT benchmark_id FROM eval_split WHERE id = ?")) {
                s.setLong(1, splitId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new NotFoundException("no split with id " + splitId);
                    }
                    benchmarkId = r.getLong(1);
                }
            }
            return load(c, benchmarkId).splits().stream().filter(split -> split.id() == splitId)
                    .findFirst().orElseThrow().truth();
        });
    }

    /** One snapshot for the benchmark, the stamp, its splits and samples. */
    private <T> T inSnapshot(Jdbc.Work<T> work) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                return work.run(c);
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
        List<LoadedSplit> splits;
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

    private List<LoadedSplit> readSplits(Connection c, long benchmarkId, String name) throws SQLException {
        Map<Long, SplitRows> splits = splitRows(c, benchmarkId);
        readSamples(c, benchmarkId, splits);
        List<LoadedSplit> loaded = new ArrayList<>();
        for (SplitRows split : splits.values()) {
            loaded.add(new LoadedSplit(split.id, split.name, split.visibility,
                    GroundTruthSet.of(split.samples, "split " + split.name + " of benchmark " + name)));
        }
        return List.copyOf(loaded);
    }

    private record SplitRows(long id, String name, SplitVisibility visibility, List<GroundTruth> samples) {
    }

    private static Map<Long, SplitRows> splitRows(Connection c, long benchmarkId) throws SQLException {
        Map<Long, SplitRows> splits = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT id, name, visibility FROM eval_split WHERE benchmark_id = ? ORDER BY id")) {
            s.setLong(1, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    splits.put(r.getLong(1), new SplitRows(r.getLong(1), r.getString(2),
                            SplitVisibility.fromDb(r.getString(3)), new ArrayList<>()));
                }
            }
        }
        return splits;
    }

    /** A sample row as stored, before its map is inflated. */
    private record StoredSample(long splitId, int position, String id, String storedKind, int boxCount, byte[] gt) {
        GroundTruth decode(GtCompression compression) {
            return new GroundTruth(id, compression.inflate(gt, "sample " + id + " of split " + splitId), boxCount,
                    kind(storedKind, id));
        }
    }

    /** Rows are fetched in order, then inflated on {@link #threads} threads, each with its own inflater. */
    private void readSamples(Connection c, long benchmarkId, Map<Long, SplitRows> splits) throws SQLException {
        List<StoredSample> stored = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT x.split_id, x.position, x.sample_id, x.kind,"
                + " x.box_count, x.gt FROM eval_sample x JOIN eval_split p ON p.id = x.split_id"
                + " WHERE p.benchmark_id = ? ORDER BY x.split_id, x.position")) {
            s.setLong(1, benchmarkId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    stored.add(new StoredSample(r.getLong(1), r.getInt(2), r.getString(3), r.getString(4),
                            r.getInt(5), r.getBytes(6)));
                }
            }
        }
        GroundTruth[] decoded = decode(stored, benchmarkId);
        for (int i = 0; i < decoded.length; i++) {
            StoredSample sample = stored.get(i);
            List<GroundTruth> samples = splits.get(sample.splitId()).samples;
            if (sample.position() != samples.size()) {
                throw new IllegalStateException("split " + sample.splitId() + " has no sample at position "
                        + samples.size());
            }
            samples.add(decoded[i]);
        }
    }

    private GroundTruth[] decode(List<StoredSample> stored, long benchmarkId) {
        GroundTruth[] decoded = new GroundTruth[stored.size()];
        int chunks = Math.max(1, Math.min(threads, decoded.length));
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(chunk -> {
                try (GtCompression compression = new GtCompression()) {
                    int end = (int) ((long) decoded.length * (chunk + 1) / chunks);
                    for (int i = (int) ((long) decoded.length * chunk / chunks); i < end; i++) {
                        decoded[i] = stored.get(i).decode(compression);
                    }
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("loading the ground truth of benchmark " + benchmarkId + " was interrupted", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return decoded;
    }

    private static SampleKind kind(String stored, String sample) {
        try {
            return SampleKind.valueOf(stored.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("sample " + sample + " has an unknown kind '" + stored + "'", e);
        }
    }
}
