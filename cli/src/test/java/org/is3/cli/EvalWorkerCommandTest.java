package org.is3.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.is3.core.formats.Npy;
import org.is3.core.formats.NpyArray;
import org.is3.core.grid.Grid;
import org.is3.core.gt.GtMap;
import org.is3.core.gt.PixelBox;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code is3 eval worker} against a real embedded PostgreSQL and a real submission file. */
class EvalWorkerCommandTest {
    @TempDir
    Path home;

    record Run(int code, String out, String err) {
    }

    static Run worker(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new EvalWorkerCommand());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        cmd.setExecutionExceptionHandler(new UserErrorHandler());
        int code = cmd.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void joinsTheDatabaseOfARunningIs3ScoresWhatIsQueuedAndExitsWhenIdle() throws Exception {
        List<String> ids = List.of("cat_1", "cat_2", "dog_1");
        writeZip(home.resolve("submissions/1/preds.zip"), ids);
        try (Database server = Database.start(DatabaseConfig.embedded(home).withPort(0))) {
            long submission = queueOne(server, ids);

            Run run = worker("--home", home.toString(), "--db-port", "0", "--until-idle", "--threads", "2",
                    "--lease", "5s");

            assertEquals(0, run.code(), run.out() + run.err());
            assertTrue(run.out().contains("is3 eval worker — 2 workers on " + server.jdbcUrl()), run.out());
            assertTrue(run.out().contains("settled 1 submission"), run.out());
            assertEquals("scored", text(server, "SELECT status FROM eval_submission WHERE id = ?", submission));
            String metrics = text(server, "SELECT metrics::text FROM eval_result WHERE submission_id = ?", submission);
            assertTrue(metrics.contains("\"n\": 3") && metrics.contains("\"curve\""), metrics);
        }
    }

    @Test
    void durationsReadAsPeopleWriteThem() {
        EvalWorkerCommand.DurationConverter c = new EvalWorkerCommand.DurationConverter();
        assertEquals(Duration.ofMillis(500), c.convert("500ms"));
        assertEquals(Duration.ofSeconds(60), c.convert("60s"));
        assertEquals(Duration.ofMinutes(2), c.convert("2m"));
        assertEquals(Duration.ofSeconds(90), c.convert("PT90S"));

        Run bad = worker("--home", home.toString(), "--lease", "soon");

        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("'soon' is not a duration; expected e.g. 500ms, 60s, 2m, 1h or PT90S"), bad.err());
    }

    /** One benchmark with a test split of {@code ids} (one box each), a team, a phase and a queued submission. */
    private static long queueOne(Database db, List<String> ids) throws SQLException {
        long benchmark = id(db, "INSERT INTO eval_benchmark (name, gt_format) VALUES ('cli-bench', 'is3') RETURNING id");
        long split = id(db, "INSERT INTO eval_split (benchmark_id, name, visibility) VALUES (?, 'test', 'test')"
                + " RETURNING id", benchmark);
        for (int i = 0; i < ids.size(); i++) {
            GtMap map = GtMap.union(List.of(new PixelBox(20 * i, 30, 20 * i + 90, 150)));
            try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(
                    "INSERT INTO eval_sample (split_id, position, sample_id, kind, box_count, gt)"
                            + " VALUES (?, ?, ?, 'positive', 1, ?)")) {
                s.setLong(1, split);
                s.setInt(2, i);
                s.setString(3, ids.get(i));
                s.setBytes(4, deflate(map.toHalves()));
                s.executeUpdate();
            }
        }
        long team = id(db, "INSERT INTO eval_team (name, role) VALUES ('team-a', 'member') RETURNING id");
        long phase = id(db, "INSERT INTO eval_phase (benchmark_id, name, opens_at, daily_quota, total_quota,"
                + " failed_quota) VALUES (?, 'main', now(), 5, 5, 5) RETURNING id", benchmark);
        return id(db, "INSERT INTO eval_submission (team_id, phase_id, method, file_path, file_bytes, status)"
                + " VALUES (?, ?, 'm', '1/preds.zip', 0, 'queued') RETURNING id", team, phase);
    }

    private static byte[] deflate(byte[] halves) {
        Deflater d = new Deflater();
        d.setInput(halves);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        while (!d.finished()) {
            out.write(chunk, 0, d.deflate(chunk));
        }
        d.end();
        return out.toByteArray();
    }

    private static void writeZip(Path file, List<String> ids) throws Exception {
        Files.createDirectories(file.getParent());
        SplittableRandom rnd = new SplittableRandom(1);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (String id : ids) {
                float[] m = new float[Grid.PIXELS];
                for (int i = 0; i < m.length; i++) {
                    m[i] = (float) rnd.nextDouble();
                }
                zip.putNextEntry(new ZipEntry(id + ".npy"));
                Npy.write(zip, NpyArray.of(m, Grid.SIZE, Grid.SIZE));
                zip.closeEntry();
            }
        }
    }

    private static long id(Database db, String sql, Object... args) throws SQLException {
        return Long.parseLong(text(db, sql, args));
    }

    private static String text(Database db, String sql, Object... args) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        }
    }
}
