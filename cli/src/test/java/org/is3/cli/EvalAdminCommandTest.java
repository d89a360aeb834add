package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.Phase;
import org.is3.eval.store.Phases;
import org.is3.eval.store.Role;
import org.is3.eval.store.Submission;
import org.is3.eval.store.SubmissionMetadata;
import org.is3.eval.store.SubmissionStatus;
import org.is3.eval.store.Submissions;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code is3 eval admin …} through picocli, on a real embedded PostgreSQL. */
class EvalAdminCommandTest {

    @TempDir
    Path home;

    @TempDir
    Path files;

    record Run(int code, String out, String err) {
        String lastLine() {
            String[] lines = out.strip().split("\n");
            return lines[lines.length - 1];
        }
    }

    @Test
    void adminCommandsWorkWhileAServerHoldsTheHome() throws IOException {
        Path gt = is3Json(6);
        Path devIds = Files.write(files.resolve("dev.txt"), List.of("clip_4", "clip_1"));
        try (Database server = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            Run created = admin("create-benchmark", "--name", "is3-mini", "--gt", gt.toString(), "--gt-format", "is3",
                    "--dev-ids", devIds.toString(), "--protocol", "ezvsl");
            assertEquals(0, created.code(), created.err());
            assertTrue(created.out().contains("benchmark 'is3-mini' created (is3, protocol ezvsl, tau 0.03) with 6 samples"),
                    created.out());
            assertTrue(created.out().matches("(?s).*dev +2 samples.*test +4 samples.*"), created.out());
            Benchmark stored = new Benchmarks(server.dataSource()).load("is3-mini");
            assertEquals(List.of("clip_1", "clip_4"),
                    new Benchmarks(server.dataSource()).loadTruth(stored.requireSplit("dev").id()).ids());

            Run phase = admin("add-phase", "--benchmark", "is3-mini", "--name", "main", "--opens", "2020-01-01",
                    "--daily", "2", "--total", "3", "--failed", "1", "--hidden-leaderboard");
            assertEquals(0, phase.code(), phase.err());
            Phase open = new Phases(server.dataSource()).openNow("is3-mini");
            assertEquals("main", open.name());
            assertEquals("2020-01-01T00:00:00Z", open.opensAt().toString());
            assertEquals(List.of(2, 3, 1), List.of(open.dailyQuota(), open.totalQuota(), open.failedQuota()));
            assertFalse(open.leaderboardPublic());

            Run team = admin("create-team", "--name", "Lab One");
            assertEquals(0, team.code(), team.err());
            Tokens tokens = new Tokens(server.dataSource());
            Optional<Team> holder = tokens.authenticate(team.lastLine());
            assertEquals("Lab One", holder.orElseThrow().name(), team.out());
            assertEquals(Role.MEMBER, holder.get().role());
            assertTrue(team.lastLine().startsWith("is3_"), team.out());

            Run second = admin("new-token", "--team", "Lab One");
            assertEquals(0, second.code(), second.err());
            assertNotEquals(team.lastLine(), second.lastLine());
            assertEquals(holder, tokens.authenticate(second.lastLine()));

            Submissions submissions = new Submissions(server.dataSource());
            Submission entry = submissions.accept(holder.get(), open, SubmissionMetadata.ofMethod("Baseline X"),
                    "1/p.npz", 10);
            Run baseline = admin("mark-baseline", "--submission", Long.toString(entry.id()));
            assertEquals(0, baseline.code(), baseline.err());
            assertTrue(submissions.require(entry.id()).baseline());
            assertEquals(0, admin("mark-baseline", "--submission", Long.toString(entry.id()), "--off").code());
            assertFalse(submissions.require(entry.id()).baseline());
            Run early = admin("rerun", "--submission", Long.toString(entry.id()));
            assertEquals(0, early.code(), "the queue re-runs a submission whatever its status: " + early.err());
            assertTrue(early.out().contains("is queued again"), early.out());
            assertEquals(SubmissionStatus.QUEUED, submissions.require(entry.id()).status());
            assertEquals("re-run: requested by an admin (was queued)",
                    submissions.events(entry.id()).get(1).detail());
            Run unknown = admin("rerun", "--submission", "987654");
            assertEquals(2, unknown.code());
            assertTrue(unknown.err().contains("no submission with id 987654"), unknown.err());

            Run listed = admin("list");
            assertEquals(0, listed.code(), listed.err());
            assertTrue(listed.out().contains("is3-mini  (is3, protocol ezvsl"), listed.out());
            assertTrue(listed.out().contains("phase main  2020-01-01T00:00:00Z → open-ended  quotas 2/day, 3 total,"
                    + " 1 failed; leaderboard hidden  [open now]"), listed.out());
            assertTrue(listed.out().contains("Lab One  (member, 2 live token(s)"), listed.out());

            Run revoked = admin("revoke", "--team", "Lab One");
            assertEquals(0, revoked.code(), revoked.err());
            assertTrue(revoked.out().contains("revoked 2 token(s) of team 'Lab One'"), revoked.out());
            assertEquals(Optional.empty(), tokens.authenticate(team.lastLine()));
            assertEquals(Optional.empty(), tokens.authenticate(second.lastLine()));

            Run again = admin("create-benchmark", "--name", "is3-mini", "--gt", gt.toString(), "--gt-format", "is3");
            assertEquals(2, again.code());
            assertTrue(again.err().contains("a benchmark named 'is3-mini' exists already"), again.err());
            Run nobody = admin("new-token", "--team", "nobody");
            assertEquals(2, nobody.code());
            assertTrue(nobody.err().contains("no team named 'nobody'"), nobody.err());
            assertTrue(server.embedded(), "the server kept its database throughout");
        }
    }

    @Test
    void withoutAServerTheCommandStartsAndStopsTheEmbeddedDatabase() {
        Run team = admin("create-team", "--name", "Organisers", "--role", "admin");

        assertEquals(0, team.code(), team.err());
        assertTrue(team.out().contains("team 'Organisers' created (admin)"), team.out());
        assertFalse(Files.exists(home.resolve("pg/postmaster.pid")), "the command stopped the PostgreSQL it started");
        try (Database database = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            Team admin = new Tokens(database.dataSource()).authenticate(team.lastLine()).orElseThrow();
            assertEquals(new Teams(database.dataSource()).require("Organisers"), admin);
            assertTrue(admin.isAdmin());
        }
    }

    @Test
    void badInputIsNamedBeforeAnyDatabaseStarts() throws IOException {
        Run time = admin("add-phase", "--benchmark", "b", "--name", "p", "--opens", "tomorrow");
        Run name = admin("create-benchmark", "--name", "bad name", "--gt", "x.json", "--gt-format", "is3");
        Run format = admin("create-benchmark", "--name", "ok", "--gt", is3Json(1).toString(), "--gt-format", "coco");
        Run role = admin("create-team", "--name", "T", "--role", "owner");
        Run both = admin("revoke", "--team", "T", "--token", "is3_x");

        assertEquals(2, time.code());
        assertTrue(time.err().contains("--opens 'tomorrow' is not an ISO-8601 time"), time.err());
        assertTrue(name.err().contains("benchmark name 'bad name' is not valid"), name.err());
        assertTrue(format.err().contains("unknown ground-truth format 'coco'"), format.err());
        assertTrue(role.err().contains("unknown role 'owner'"), role.err());
        assertEquals(2, both.code());
        assertTrue(both.err().contains("mutually exclusive"), both.err());
        assertFalse(Files.exists(home.resolve("pg")), "no database was started for input that was wrong anyway");
    }

    @Test
    void helpListsTheSubcommandsAndEachTakesTheHomeOptions() {
        Run help = adminWithoutHome("--help");
        assertEquals(0, help.code());
        for (String sub : List.of("create-benchmark", "add-phase", "create-team", "new-token", "revoke",
                "mark-baseline", "rerun", "list")) {
            assertTrue(help.out().contains(sub), sub + " in\n" + help.out());
            Run subHelp = adminWithoutHome(sub, "--help");
            assertEquals(0, subHelp.code(), sub);
            assertTrue(subHelp.out().contains("--home") && subHelp.out().contains("--db-url"), subHelp.out());
        }
        assertTrue(adminWithoutHome("create-benchmark", "--help").out().contains("--private-ids"));
    }

    /** An is3 box JSON of {@code n} entries, ids {@code clip_1 … clip_n}. */
    private Path is3Json(int n) throws IOException {
        List<String> entries = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            entries.add("{\"image\": \"/frames/clip_" + i + ".jpg\", \"audio\": \"/audio/clip_" + i + ".wav\","
                    + " \"gt_box\": [" + (10.0 * i) + ", 20.0, " + (100.0 + i) + ", 180.0]}");
        }
        return Files.writeString(files.resolve("gt-" + n + ".json"), "[" + String.join(",\n", entries) + "]");
    }

    private Run admin(String subcommand, String... args) {
        List<String> all = new ArrayList<>(List.of(subcommand));
        all.addAll(List.of(args));
        all.addAll(List.of("--home", home.toString(), "--db-port", "0"));
        return adminWithoutHome(all.toArray(String[]::new));
    }

    private static Run adminWithoutHome(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvalAdminCommand());
        cmd.setOut(new PrintWriter(out, true));
        cmd.setErr(new PrintWriter(err, true));
        cmd.setExecutionExceptionHandler(new UserErrorHandler());
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
