package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.is3.core.InputException;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.gt.GroundTruthReaders;
import org.is3.core.gt.GroundTruthSet;
import org.is3.core.gt.SampleKind;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarksTest {

    @TempDir
    static Path home;

    private static Database database;
    private static Benchmarks benchmarks;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        benchmarks = new Benchmarks(database.dataSource());
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void aGeneratedSetComesBackBitIdenticalInItsOrder() throws SQLException {
        GroundTruthSet truth = StoreFixtures.generated(60);
        String name = StoreFixtures.unique("generated");

        Benchmark created = benchmarks.create(new NewBenchmark(name, GroundTruthFormat.FLICKR,
                LocalizationProtocol.LVS, 0.07, List.of(new SplitTruth(SplitVisibility.TEST, truth))));

        assertEquals(name, created.name());
        assertEquals(GroundTruthFormat.FLICKR, created.gtFormat());
        assertEquals(LocalizationProtocol.LVS, created.protocol());
        assertEquals(0.07, created.tau());
        Split test = created.requireSplit("test");
        assertEquals(List.of(test), created.splits());
        assertEquals(SplitVisibility.TEST, test.visibility());
        assertEquals(60, test.samples());
        assertEquals(truth.negatives(), test.negatives());
        assertSameTruth(truth, benchmarks.loadTruth(test.id()));
        assertTrue(maxStoredBytes(test.id()) < Grid.PIXELS / 20,
                "deflated half-units are far smaller than the 50,176-byte map: " + maxStoredBytes(test.id()));
    }

    @Test
    void is3BoxSampleRoundTrips() {
        Optional<Path> json = StoreFixtures.sharedData("is3_synthetic3240_bbox_sample.json");
        assumeTrue(json.isPresent(), "shared/data/is3_synthetic3240_bbox_sample.json is not beside this checkout");
        GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.IS3, json.get(), null);

        Benchmark created = benchmarks.create(spec(StoreFixtures.unique("is3"), GroundTruthFormat.IS3,
                SplitPlan.partition(truth, null, null)));

        assertEquals(5, truth.size());
        assertSameTruth(truth, benchmarks.loadTruth(created.requireSplit("test").id()));
    }

    @Test
    void wholeVggssRoundTripsWithDevAndPrivateSplits(@TempDir Path dir) throws IOException {
        Optional<Path> json = StoreFixtures.sharedData("vggss.json");
        assumeTrue(json.isPresent(), "shared/data/vggss.json is not beside this checkout");
        GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.VGGSS, json.get(), null);
        List<String> ids = truth.ids();
        Path devIds = Files.write(dir.resolve("dev.txt"), ids.subList(0, 500));
        // a CSV with the id first, listed out of order: the split keeps the set's order
        List<String> privateRows = new ArrayList<>(ids.subList(4000, 5000).stream().map(id -> id + ",some class").toList());
        Collections.reverse(privateRows);
        Path privateIds = Files.write(dir.resolve("private.csv"), privateRows);

        Benchmark created = benchmarks.create(spec(StoreFixtures.unique("vggss"), GroundTruthFormat.VGGSS,
                SplitPlan.partition(truth, devIds, privateIds)));

        assertEquals(List.of("dev", "test", "private"), created.splits().stream().map(Split::name).toList());
        assertEquals(List.of(500, truth.size() - 1500, 1000),
                created.splits().stream().map(Split::samples).toList());
        GroundTruthSet dev = benchmarks.loadTruth(created.requireSplit("dev").id());
        GroundTruthSet test = benchmarks.loadTruth(created.requireSplit("test").id());
        GroundTruthSet hidden = benchmarks.loadTruth(created.requireSplit("private").id());
        assertEquals(ids.subList(0, 500), dev.ids());
        assertEquals(ids.subList(4000, 5000), hidden.ids());
        for (GroundTruthSet split : List.of(dev, test, hidden)) {
            for (GroundTruth g : split) {
                assertEquals(truth.get(g.id()).orElseThrow(), g, g.id());
            }
        }
        assertEquals(truth.size(), dev.size() + test.size() + hidden.size());
    }

    @Test
    void extendedVggssKeepsItsNegativesKinds() {
        Optional<Path> json = StoreFixtures.sharedData("vggss.json");
        Optional<Path> negatives = StoreFixtures.sharedData("vggss_test_plus_silent.csv");
        assumeTrue(json.isPresent() && negatives.isPresent(), "shared/data VGG-SS files are not beside this checkout");
        GroundTruthSet truth = GroundTruthReaders.read(GroundTruthFormat.EXTENDED, json.get(),
                GroundTruthReaders.Options.defaults().withNegativesCsv(negatives.get()));

        Benchmark created = benchmarks.create(spec(StoreFixtures.unique("extended"), GroundTruthFormat.EXTENDED,
                SplitPlan.partition(truth, null, null)));

        assertTrue(truth.negatives() > 0);
        assertEquals(truth.negatives(), created.requireSplit("test").negatives());
        GroundTruthSet loaded = benchmarks.loadTruth(created.requireSplit("test").id());
        assertSameTruth(truth, loaded);
        assertEquals(SampleKind.NON_SOUNDING, loaded.samples().stream().filter(GroundTruth::isNegative)
                .findFirst().orElseThrow().kind());
    }

    @Test
    void aDuplicateNameIsRefusedAndTheFirstKeepsItsSamples() {
        Benchmark first = StoreFixtures.benchmark(database.dataSource(), 6);

        AlreadyExistsException error = assertThrows(AlreadyExistsException.class, () -> benchmarks.create(
                spec(first.name(), GroundTruthFormat.IS3, SplitPlan.partition(StoreFixtures.generated(3), null, null))));

        assertTrue(error.getMessage().contains("'" + first.name() + "' exists already"), error.getMessage());
        assertEquals(6, benchmarks.load(first.name()).samples());
    }

    @Test
    void namesOutsideTheRuleAreRefusedBeforeAnyWrite() {
        List<SplitTruth> splits = SplitPlan.partition(StoreFixtures.generated(2), null, null);
        for (String bad : new String[] {"", "-lead", "has space", "a/b", "x".repeat(65), "<b>"}) {
            InputException error = assertThrows(InputException.class,
                    () -> spec(bad, GroundTruthFormat.IS3, splits), bad);
            assertTrue(error.getMessage().contains("benchmark name '" + bad + "' is not valid"), error.getMessage());
        }
        assertEquals("v1.2_final-B", spec("v1.2_final-B", GroundTruthFormat.IS3, splits).name());
        InputException tau = assertThrows(InputException.class, () -> new NewBenchmark("t", GroundTruthFormat.IS3,
                LocalizationProtocol.SSLALIGN, 0, splits));
        assertTrue(tau.getMessage().contains("tau must be a positive number"), tau.getMessage());
    }

    @Test
    void splitIdsMustExistAndNotOverlap(@TempDir Path dir) throws IOException {
        GroundTruthSet truth = StoreFixtures.generated(10);
        Path dev = Files.write(dir.resolve("dev.txt"), List.of("gen_0001", "", "  gen_0002  ", "nope_1", "nope_2"));
        Path both = Files.write(dir.resolve("both.txt"), List.of("gen_0003", "gen_0004"));
        Path other = Files.write(dir.resolve("other.txt"), List.of("gen_0004", "gen_0005"));
        Path empty = Files.write(dir.resolve("empty.txt"), List.of("", "  "));

        InputException missing = assertThrows(InputException.class, () -> SplitPlan.partition(truth, dev, null));
        InputException overlap = assertThrows(InputException.class, () -> SplitPlan.partition(truth, both, other));
        InputException none = assertThrows(InputException.class, () -> SplitPlan.partition(truth, empty, null));

        assertTrue(missing.getMessage().contains("2 id(s) of the dev ids " + dev + " are not in the ground truth:"
                + " nope_1, nope_2"), missing.getMessage());
        assertTrue(overlap.getMessage().contains("1 id(s) are listed both in the dev ids " + both), overlap.getMessage());
        assertTrue(overlap.getMessage().endsWith(": gen_0004"), overlap.getMessage());
        assertTrue(none.getMessage().contains("lists no ids"), none.getMessage());
    }

    @Test
    void aSplitOfEveryIdLeavesNoEmptyTestSplit(@TempDir Path dir) throws IOException {
        GroundTruthSet truth = StoreFixtures.generated(4);
        Path dev = Files.write(dir.resolve("dev.txt"), truth.ids());

        List<SplitTruth> splits = SplitPlan.partition(truth, dev, null);

        assertEquals(List.of("dev"), splits.stream().map(SplitTruth::name).toList());
        assertEquals(truth.ids(), splits.get(0).truth().ids());
    }

    @Test
    void aSampleOnTwoSplitsIsRefused() {
        GroundTruthSet truth = StoreFixtures.generated(3);
        InputException error = assertThrows(InputException.class, () -> spec("twice", GroundTruthFormat.IS3,
                List.of(new SplitTruth(SplitVisibility.DEV, truth), new SplitTruth(SplitVisibility.TEST, truth))));
        assertTrue(error.getMessage().contains("3 sample(s) are in more than one split"), error.getMessage());
    }

    @Test
    void loadNamesTheKnownBenchmarksAndListSortsByName() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);

        NotFoundException error = assertThrows(NotFoundException.class, () -> benchmarks.load("no-such-benchmark"));

        assertTrue(error.getMessage().startsWith("no benchmark named 'no-such-benchmark'; known: "), error.getMessage());
        assertTrue(error.getMessage().contains(b.name()), error.getMessage());
        List<String> names = benchmarks.list().stream().map(Benchmark::name).toList();
        assertTrue(names.contains(b.name()));
        assertEquals(names.stream().sorted().toList(), names);
        assertThrows(NotFoundException.class, () -> benchmarks.loadTruth(-1));
        assertThrows(NotFoundException.class, () -> b.requireSplit("dev"));
    }

    private static NewBenchmark spec(String name, GroundTruthFormat format, List<SplitTruth> splits) {
        return new NewBenchmark(name, format, LocalizationProtocol.SSLALIGN, 0.03, splits);
    }

    /** Same ids in the same order, and every sample equal: map (runs), box count and kind. */
    static void assertSameTruth(GroundTruthSet expected, GroundTruthSet actual) {
        assertEquals(expected.ids(), actual.ids());
        for (int i = 0; i < expected.size(); i++) {
            GroundTruth e = expected.at(i);
            GroundTruth a = actual.at(i);
            assertEquals(e, a, "sample " + i + " (" + e.id() + ")");
            assertTrue(java.util.Arrays.equals(e.map().toHalves(), a.map().toHalves()), e.id());
        }
        assertFalse(actual.isEmpty());
    }

    private static int maxStoredBytes(long splitId) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(
                     "SELECT max(octet_length(gt)) FROM eval_sample WHERE split_id = " + splitId)) {
            row.next();
            return row.getInt(1);
        }
    }
}
