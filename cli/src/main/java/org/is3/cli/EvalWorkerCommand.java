package org.is3.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.is3.core.InputException;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.eval.queue.QueueException;
import org.is3.eval.queue.SubmissionQueue;
import org.is3.eval.worker.ScoringWorker;
import org.is3.eval.worker.WorkerSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

@Command(name = "worker", mixinStandardHelpOptions = true,
        description = {"Score queued eval submissions until Ctrl-C: each worker claims the oldest submission",
            "under a lease it renews while scoring; a submission whose worker died is taken over once its",
            "lease runs out, and fails after --max-attempts claims. On a home that a running is3 serves,",
            "the workers join its database; workers on several machines may share one database (--db-url)."})
final class EvalWorkerCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Option(names = "--threads", defaultValue = "1", paramLabel = "N",
            description = "Workers in this process, each scoring one submission at a time (default ${DEFAULT-VALUE}).")
    int workers;

    @Option(names = "--lease", defaultValue = "60s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long a claim lasts without a heartbeat, e.g. 60s, 2m, 500ms; heartbeats come every"
                    + " third of it (default ${DEFAULT-VALUE}).")
    Duration lease;

    @Option(names = "--max-attempts", defaultValue = "" + SubmissionQueue.DEFAULT_MAX_ATTEMPTS, paramLabel = "N",
            description = "Claims per submission before it fails (default ${DEFAULT-VALUE}).")
    int maxAttempts;

    @Option(names = "--poll", defaultValue = "1s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long an idle worker waits before looking at the queue again (default ${DEFAULT-VALUE}).")
    Duration poll;

    @Option(names = "--scoring-threads", paramLabel = "N",
            description = "Threads each worker scores with (default: all cores shared among the workers).")
    Integer scoringThreads;

    @Option(names = "--until-idle", description = "Score what is queued now, then exit instead of waiting for more.")
    boolean untilIdle;

    @Override
    public Integer call() throws Exception {
        if (workers < 1 || maxAttempts < 1 || (scoringThreads != null && scoringThreads < 1)) {
            throw new InputException("--threads, --max-attempts and --scoring-threads must be at least 1");
        }
        PrintWriter out = spec.commandLine().getOut();
        DatabaseConfig config = home.databaseConfig();
        // a claim, a heartbeat and the ground-truth read of each worker may hold a connection at once
        Database db = Database.connect(config.withPoolSize(Math.max(config.poolSize(), 3 * workers + 1)));
        List<ScoringWorker> running = new ArrayList<>();
        try {
            for (int i = 0; i < workers; i++) {
                running.add(new ScoringWorker(db.dataSource(), home.home(), settings()));
            }
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        out.println("is3 eval worker — " + workers + (workers == 1 ? " worker" : " workers") + " on "
                + db.jdbcUrl() + ", submissions under " + home.home().toAbsolutePath().resolve("submissions"));
        running.forEach(w -> out.println("  " + w.id()));
        out.println(untilIdle ? "Scoring what is queued." : "Ctrl-C to stop.");
        out.flush();
        return untilIdle ? drain(running, db, out) : serve(running, db);
    }

    private WorkerSettings settings() {
        int cores = Runtime.getRuntime().availableProcessors();
        try {
            return WorkerSettings.defaults().withLease(lease).withMaxAttempts(maxAttempts).withPollInterval(poll)
                    .withScoringThreads(scoringThreads != null ? scoringThreads : Math.max(1, cores / workers));
        } catch (IllegalArgumentException e) {
            throw new InputException(e.getMessage());
        }
    }

    private static int serve(List<ScoringWorker> running, Database db) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("is3: stopping workers …");
            running.forEach(ScoringWorker::close);
            db.close();
            System.err.println("is3: stopped");
            stopped.countDown();
        }, "is3-worker-shutdown"));
        for (ScoringWorker w : running) {
            new Thread(w, "is3-worker-" + w.id()).start();
        }
        stopped.await();
        return 0;
    }

    /** Each worker takes submissions until none is claimable; 1 if the queue could not be reached. */
    private static int drain(List<ScoringWorker> running, Database db, PrintWriter out) throws InterruptedException {
        List<Thread> threads = new ArrayList<>();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        int[] scored = new int[running.size()];
        for (int i = 0; i < running.size(); i++) {
            ScoringWorker w = running.get(i);
            int slot = i;
            Thread t = new Thread(() -> {
                try {
                    while (w.processNext()) {
                        scored[slot]++;
                    }
                } catch (QueueException e) {
                    errors.add(e.getMessage());
                }
            }, "is3-worker-" + w.id());
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        running.forEach(ScoringWorker::close);
        db.close();
        int total = Arrays.stream(scored).sum();
        out.println("settled " + total + (total == 1 ? " submission" : " submissions"));
        errors.forEach(e -> out.println("  error: " + e));
        out.flush();
        return errors.isEmpty() ? 0 : 1;
    }

    /** {@code 500ms}, {@code 60s}, {@code 2m}, {@code 1h}, or ISO-8601 such as {@code PT90S}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        private static final Pattern SIMPLE = Pattern.compile("(\\d+)(ms|s|m|h)");

        @Override
        public Duration convert(String value) {
            String v = value.trim().toLowerCase(Locale.ROOT);
            Matcher m = SIMPLE.matcher(v);
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                return switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    default -> Duration.ofHours(n);
                };
            }
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a duration; expected e.g. 500ms, 60s, 2m, 1h"
                        + " or PT90S");
            }
        }
    }
}
