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
import javax.sql.DataSource;
import org.is3.core.InputException;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationProtocol;

/** Reads a benchmark's splits and hidden ground truth from {@code eval_split} / {@code eval_sample}. */
final class BenchmarkLoader {
    private BenchmarkLoader() {
    }

    /**
     * @throws InputException when the benchmark has no splits or a split no samples (nothing to score)
     */
    static BenchmarkTruth load(DataSource dataSource, long benchmarkId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
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
            Map<Long, SplitRows> splits = splits(c, benchmarkId, name);
            readSamples(c, benchmarkId, splits);
            List<SplitTruth> truths = new ArrayList<>();
            for (SplitRows split : splits.values()) {
                if (split.samples.isEmpty()) {
                    throw new InputException("split " + split.name + " of benchmark " + name + " has no samples");
                }
                truths.add(new SplitTruth(split.id, split.name, split.visibility,
                        GroundTruthSet.of(split.samples, "split " + split.name + " of benchmark " + name)));
            }
            return new BenchmarkTruth(benchmarkId, name, LocalizationProtocol.fromName(protocol), tau, truths);
        }
    }

    private record SplitRows(long id, String name, String visibility, List<GroundTruth> samples) {
    }

    private static Map<Long, SplitRows> splits(Connection c, long benchmarkId, String benchmark) throws SQLException {
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

    private static void readSamples(Connection c, long benchmarkId, Map<Long, SplitRows> splits) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT x.split_id, x.sample_id, x.kind, x.box_count, x.gt"
                + " FROM eval_sample x JOIN eval_split p ON p.id = x.split_id WHERE p.benchmark_id = ?"
                + " ORDER BY x.split_id, x.position")) {
            s.setLong(1, benchmarkId);
            s.setFetchSize(1000);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    String id = r.getString(2);
                    GroundTruth gt = new GroundTruth(id, GtCodec.inflate(r.getBytes(5), id), r.getInt(4),
                            kind(r.getString(3), id));
                    splits.get(r.getLong(1)).samples.add(gt);
                }
            }
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
