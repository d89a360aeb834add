package org.is3.eval.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.is3.eval.auth.Tokens;
import org.is3.eval.queue.SubmissionQueue;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.Phases;
import org.is3.eval.store.Results;
import org.is3.eval.store.Split;
import org.is3.eval.store.Submissions;

/** The stores the server's routes use, over one data source. */
final class EvalStore {
    private final Benchmarks benchmarks;
    private final Phases phases;
    private final Submissions submissions;
    private final Results results;
    private final Tokens tokens;
    private final SubmissionQueue queue;
    /** A benchmark's ground truth never changes after creation, so its sample ids are cached. */
    private final Map<Long, List<String>> sampleIds = new ConcurrentHashMap<>();

    EvalStore(DataSource dataSource) {
        benchmarks = new Benchmarks(dataSource);
        phases = new Phases(dataSource);
        submissions = new Submissions(dataSource);
        results = new Results(dataSource);
        tokens = new Tokens(dataSource);
        queue = new SubmissionQueue(dataSource, SubmissionQueue.DEFAULT_MAX_ATTEMPTS);
    }

    SubmissionQueue queue() {
        return queue;
    }

    Benchmarks benchmarks() {
        return benchmarks;
    }

    Phases phases() {
        return phases;
    }

    Submissions submissions() {
        return submissions;
    }

    Results results() {
        return results;
    }

    Tokens tokens() {
        return tokens;
    }

    /** Every sample id of every split: what an upload must cover. */
    List<String> sampleIds(Benchmark benchmark) {
        return sampleIds.computeIfAbsent(benchmark.id(), id -> {
            List<String> all = new ArrayList<>();
            for (Split split : benchmark.splits()) {
                all.addAll(benchmarks.loadTruth(split.id()).ids());
            }
            return List.copyOf(all);
        });
    }
}
