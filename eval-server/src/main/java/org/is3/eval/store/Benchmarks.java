package org.is3.eval.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.metrics.LocalizationProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Benchmarks and their hidden ground truth. {@link #create} writes the benchmark, its splits and
 * every sample ({@code eval_sample}: position = the split's order, the GT map deflated, see
 * {@link GtCompression}) in one transaction, so a failed import leaves nothing behind;
 * {@link #loadTruth} rebuilds a split's {@link GroundTruthSet} bit for bit, in the same order
 * ({@link TruthLoader}, the path the scoring worker reads too).
 */
public final class Benchmarks {

    private static final Logger LOG = LoggerFactory.getLogger(Benchmarks.class);
    private static final int BATCH = 256;
    private static final String SELECT_BENCHMARK =
            "SELECT id, name, gt_format, protocol, tau, created_at FROM eval_benchmark";

    private final DataSource dataSource;
    private final TruthLoader truths;

    public Benchmarks(DataSource dataSource) {
        this.dataSource = dataSource;
        this.truths = new TruthLoader(dataSource, Runtime.getRuntime().availableProcessors());
    }

    /**
     * Imports a benchmark.
     *
     * @throws AlreadyExistsException when a benchmark of that name exists
     */
    public Benchmark create(NewBenchmark spec) {
        long started = System.nanoTime();
        long id;
        try {
            id = Jdbc.inTransaction(dataSource, "creating benchmark " + spec.name(), connection -> {
                requireNew(connection, spec.name());
                long benchmarkId = insertBenchmark(connection, spec);
                try (GtCompression compression = new GtCompression()) {
                    for (SplitTruth split : spec.splits()) {
                        insertSamples(connection, insertSplit(connection, benchmarkId, split), split, compression);
                    }
                }
                return benchmarkId;
            });
        } catch (EvalStoreException e) {
            if (e.isUniqueViolation()) {
                throw alreadyExists(spec.name()); // created concurrently, after our check
            }
            throw e;
        }
        Benchmark created = find(spec.name()).orElseThrow();
        LOG.info("benchmark {} (id {}) created with {} samples in {} ms", created.name(), id, created.samples(),
                (System.nanoTime() - started) / 1_000_000);
        return created;
    }

    /** The benchmark of this name with its splits, or a {@link NotFoundException} listing the known ones. */
    public Benchmark load(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("no benchmark named '" + name + "'"
                + knownNames()));
    }

    public Optional<Benchmark> find(String name) {
        return Jdbc.read(dataSource, "reading benchmark " + name, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_BENCHMARK + " WHERE name = ?")) {
                query.setString(1, name);
                List<Benchmark> found = benchmarks(connection, query);
                return found.stream().findFirst();
            }
        });
    }

    /** Every benchmark, by name. */
    public List<Benchmark> list() {
        return Jdbc.read(dataSource, "listing benchmarks", connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT_BENCHMARK + " ORDER BY name")) {
                return benchmarks(connection, query);
            }
        });
    }

    /**
     * The ground truth of one split, in its stored order, equal sample by sample (id, map, box
     * count, kind) to the set it was imported from; read by {@link TruthLoader} (cached while the
     * rows stay unchanged).
     *
     * @throws NotFoundException when no split has this id
     */
    public GroundTruthSet loadTruth(long splitId) {
        try {
            return truths.loadSplit(splitId);
        } catch (SQLException e) {
            throw new EvalStoreException("loading the ground truth of split " + splitId, e);
        }
    }

    private static void requireNew(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM eval_benchmark WHERE name = ?")) {
            query.setString(1, name);
            try (ResultSet row = query.executeQuery()) {
                if (row.next()) {
                    throw alreadyExists(name);
                }
            }
        }
    }

    private static AlreadyExistsException alreadyExists(String name) {
        return new AlreadyExistsException("a benchmark named '" + name + "' exists already; choose another name");
    }

    private static long insertBenchmark(Connection connection, NewBenchmark spec) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO eval_benchmark (name, gt_format, protocol, tau) VALUES (?, ?, ?, ?) RETURNING id")) {
            insert.setString(1, spec.name());
            insert.setString(2, spec.gtFormat().cliName());
            insert.setString(3, spec.protocol().name());
            insert.setDouble(4, spec.tau());
            return returnedId(insert);
        }
    }

    private static long insertSplit(Connection connection, long benchmarkId, SplitTruth split) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO eval_split (benchmark_id, name, visibility) VALUES (?, ?, ?) RETURNING id")) {
            insert.setLong(1, benchmarkId);
            insert.setString(2, split.name());
            insert.setString(3, split.visibility().dbName());
            return returnedId(insert);
        }
    }

    private static void insertSamples(Connection connection, long splitId, SplitTruth split,
                                      GtCompression compression) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_sample"
                + " (split_id, position, sample_id, kind, box_count, gt) VALUES (?, ?, ?, ?, ?, ?)")) {
            int position = 0;
            for (GroundTruth g : split.truth()) {
                insert.setLong(1, splitId);
                insert.setInt(2, position++);
                insert.setString(3, g.id());
                insert.setString(4, g.kind().name().toLowerCase(Locale.ROOT));
                insert.setInt(5, g.boxCount());
                insert.setBytes(6, compression.deflate(g.map()));
                insert.addBatch();
                if (position % BATCH == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    private static long returnedId(PreparedStatement insert) throws SQLException {
        try (ResultSet row = insert.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static List<Benchmark> benchmarks(Connection connection, PreparedStatement query) throws SQLException {
        List<Benchmark> found = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                long id = row.getLong("id");
                found.add(new Benchmark(id, row.getString("name"), GroundTruthFormat.fromName(row.getString("gt_format")),
                        LocalizationProtocol.fromName(row.getString("protocol")), row.getDouble("tau"),
                        Jdbc.instant(row, "created_at"), splits(connection, id)));
            }
        }
        return found;
    }

    /** The splits in dev, test, private order with their sample and negative counts. */
    private static List<Split> splits(Connection connection, long benchmarkId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT s.id, s.name, s.visibility,"
                + " count(e.position) AS samples, count(e.position) FILTER (WHERE e.kind <> 'positive') AS negatives"
                + " FROM eval_split s LEFT JOIN eval_sample e ON e.split_id = s.id WHERE s.benchmark_id = ?"
                + " GROUP BY s.id ORDER BY CASE s.visibility WHEN 'dev' THEN 0 WHEN 'test' THEN 1 ELSE 2 END, s.id")) {
            query.setLong(1, benchmarkId);
            List<Split> splits = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) {
                    Split split = new Split(row.getLong("id"), row.getString("name"),
                            SplitVisibility.fromDb(row.getString("visibility")), row.getInt("samples"),
                            row.getInt("negatives"));
                    splits.add(split);
                }
            }
            return splits;
        }
    }

    private String knownNames() {
        List<Benchmark> all = list();
        return all.isEmpty() ? " (there are no benchmarks yet)"
                : "; known: " + all.stream().map(Benchmark::name).collect(Collectors.joining(", "));
    }
}
