package org.is3.eval.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.is3.core.InputException;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhasesTest {

    private static final Instant T0 = Instant.parse("2030-03-10T12:00:00Z");

    @TempDir
    static Path home;

    private static Database database;
    private static final StoreFixtures.MovableClock CLOCK = new StoreFixtures.MovableClock(T0);
    private static Phases phases;

    @BeforeAll
    static void start() {
        database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        phases = new Phases(database.dataSource(), CLOCK);
    }

    @AfterAll
    static void stop() {
        database.close();
    }

    @Test
    void theOpenPhaseFollowsTheClockThroughConsecutiveWindows() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);
        Phase dev = phases.add(b.name(), new NewPhase("dev", T0, T0.plusSeconds(3600), 5, 50, 10, true));
        Phase test = phases.add(b.name(), new NewPhase("test", T0.plusSeconds(3600), null, 1, 5, 3, false));

        CLOCK.set(T0.minusSeconds(1));
        NoOpenPhaseException early = assertThrows(NoOpenPhaseException.class, () -> phases.openNow(b.name()));
        CLOCK.set(T0);
        assertEquals(dev, phases.openNow(b.name()));
        CLOCK.set(T0.plusSeconds(3599));
        assertEquals(dev, phases.openNow(b.name()));
        CLOCK.set(T0.plusSeconds(3600));
        assertEquals(test, phases.openNow(b.name()), "a phase is closed at its close time, the next open");
        CLOCK.set(T0.plusSeconds(86_400 * 365));
        assertEquals(test, phases.openNow(b.name()), "no close time: open for good");

        assertEquals("benchmark '" + b.name() + "' takes no submissions now (2030-03-10T11:59:59Z): phase 'dev'"
                + " opens at 2030-03-10T12:00:00Z; phase 'test' opens at 2030-03-10T13:00:00Z", early.getMessage());
        assertEquals(List.of(dev, test), phases.list(b.name()));
        assertEquals(5, dev.dailyQuota());
        assertEquals(50, dev.totalQuota());
        assertEquals(10, dev.failedQuota());
        assertTrue(dev.leaderboardPublic());
        assertNull(test.closesAt());
        assertEquals(b.id(), test.benchmarkId());
        assertEquals(b.name(), test.benchmarkName());
        assertEquals(test, phases.find(test.id()).orElseThrow());
    }

    @Test
    void aClosedPhaseIsNamedWithItsCloseTime() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);
        phases.add(b.name(), new NewPhase("only", T0, T0.plusSeconds(60), 1, 1, 1, true));
        CLOCK.set(T0.plusSeconds(60));

        NoOpenPhaseException error = assertThrows(NoOpenPhaseException.class, () -> phases.openNow(b.name()));

        assertTrue(error.getMessage().endsWith("phase 'only' closed at 2030-03-10T12:01:00Z"), error.getMessage());
    }

    @Test
    void overlappingPhasesGiveTheOneOpenedLast() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);
        phases.add(b.name(), new NewPhase("long", T0.minusSeconds(7200), null, 1, 1, 1, true));
        Phase later = phases.add(b.name(), new NewPhase("short", T0.minusSeconds(60), T0.plusSeconds(60), 1, 1, 1, true));
        CLOCK.set(T0);

        assertEquals(later, phases.openNow(b.name()));
    }

    @Test
    void aBenchmarkWithoutPhasesOrAnUnknownOneIsNamed() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);

        NoOpenPhaseException none = assertThrows(NoOpenPhaseException.class, () -> phases.openNow(b.name()));
        NotFoundException unknown = assertThrows(NotFoundException.class, () -> phases.openNow("nowhere"));
        NotFoundException addToUnknown = assertThrows(NotFoundException.class,
                () -> phases.add("nowhere", new NewPhase("p", T0, null, 1, 1, 1, true)));

        assertEquals("benchmark '" + b.name() + "' takes no submissions: it has no phase", none.getMessage());
        assertEquals("no benchmark named 'nowhere'", unknown.getMessage());
        assertEquals("no benchmark named 'nowhere'", addToUnknown.getMessage());
    }

    @Test
    void badPhasesAreRefusedWithTheirReason() {
        Benchmark b = StoreFixtures.benchmark(database.dataSource(), 2);
        phases.add(b.name(), new NewPhase("p1", T0, null, 1, 1, 1, true));

        AlreadyExistsException twice = assertThrows(AlreadyExistsException.class,
                () -> phases.add(b.name(), new NewPhase("p1", T0, null, 1, 1, 1, true)));
        InputException backwards = assertThrows(InputException.class,
                () -> new NewPhase("p2", T0, T0, 1, 1, 1, true));
        InputException negative = assertThrows(InputException.class,
                () -> new NewPhase("p2", T0, null, 1, -1, 1, true));
        InputException name = assertThrows(InputException.class,
                () -> new NewPhase("p 2", T0, null, 1, 1, 1, true));

        assertEquals("benchmark '" + b.name() + "' has a phase named 'p1' already; choose another name", twice.getMessage());
        assertTrue(backwards.getMessage().contains("closes at 2030-03-10T12:00:00Z, not after it opens"),
                backwards.getMessage());
        assertTrue(negative.getMessage().contains("the total quota must be 0 or more, got -1"), negative.getMessage());
        assertTrue(name.getMessage().contains("phase name 'p 2' is not valid"), name.getMessage());
    }
}
