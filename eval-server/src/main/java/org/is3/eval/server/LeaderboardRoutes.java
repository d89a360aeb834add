package org.is3.eval.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.is3.eval.leaderboard.BenchmarkSummary;
import org.is3.eval.leaderboard.Leaderboard;
import org.is3.eval.leaderboard.LeaderboardCsv;
import org.is3.eval.leaderboard.LeaderboardEntry;
import org.is3.eval.leaderboard.LeaderboardPage;
import org.is3.eval.leaderboard.LeaderboardView;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.LeaderboardRow;
import org.is3.eval.store.NotFoundException;
import org.is3.eval.store.Split;
import org.is3.eval.store.SplitVisibility;

/** Public leaderboards: JSON, CSV and the HTML pages. Visibility rules live in the store's Results. */
final class LeaderboardRoutes {
    private final EvalStore store;

    LeaderboardRoutes(EvalStore store) {
        this.store = store;
    }

    void json(Context ctx) {
        ctx.json(board(ctx));
    }

    void csv(Context ctx) throws IOException {
        Leaderboard board = board(ctx);
        StringWriter out = new StringWriter();
        LeaderboardCsv.write(board, out);
        ctx.contentType("text/csv; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + board.benchmark() + "-" + board.split() + ".csv\"")
                .result(out.toString());
    }

    void page(Context ctx) {
        Benchmark benchmark = store.benchmarks().load(ctx.pathParam("benchmark"));
        Leaderboard board = board(benchmark, ctx.queryParam("split"));
        LeaderboardView view = LeaderboardView.parse(board, ctx.queryParam("sort"), ctx.queryParam("order"),
                ctx.queryParams("compare"), publicSplits(benchmark));
        ctx.header("Content-Security-Policy", LeaderboardPage.CONTENT_SECURITY_POLICY)
                .html(LeaderboardPage.render(board, view));
    }

    void index(Context ctx) {
        List<BenchmarkSummary> summaries = new ArrayList<>();
        for (Benchmark b : store.benchmarks().list()) {
            Leaderboard board = board(b, null);
            LeaderboardEntry best = board.sortedBy(board.rankingColumn(), true).entries().stream().findFirst().orElse(null);
            summaries.add(new BenchmarkSummary(b.name(), b.gtFormat().cliName(), hasNegatives(b), publicSplits(b),
                    board.entries().size(), best == null ? null : best.method(),
                    best == null ? null : best.metric("ciou").stream().boxed().findFirst().orElse(null),
                    board.entries().stream().map(LeaderboardEntry::submittedAt).max(java.util.Comparator.naturalOrder())
                            .orElse(null)));
        }
        ctx.header("Content-Security-Policy", LeaderboardPage.CONTENT_SECURITY_POLICY).html(LeaderboardPage.index(summaries));
    }

    private Leaderboard board(Context ctx) {
        return board(store.benchmarks().load(ctx.pathParam("benchmark")), ctx.queryParam("split"));
    }

    /** The public board of a split: the test split unless another is named. */
    private Leaderboard board(Benchmark benchmark, String splitName) {
        Split split = splitName == null || splitName.isBlank()
                ? defaultSplit(benchmark)
                : benchmark.requireSplit(splitName);
        List<LeaderboardEntry> entries = new ArrayList<>();
        for (LeaderboardRow row : store.results().leaderboard(benchmark.name(), split.name(), null)) {
            var values = row.metrics().values();
            entries.add(new LeaderboardEntry(row.submissionId(), row.teamName(), row.metadata().method(),
                    row.metadata().description(), row.metadata().paperUrl(), row.metadata().codeUrl(),
                    row.metadata().pretrainedVision(), row.metadata().usesOgl(), row.baseline(), row.upsampledFrom(),
                    row.submittedAt(), LeaderboardEntry.metricsOf(values), LeaderboardEntry.curveOf(values, "curve"),
                    LeaderboardEntry.curveOf(values, "curve_adap")));
        }
        return Leaderboard.of(benchmark.name(), split.name(), split.negatives() > 0, entries);
    }

    private static Split defaultSplit(Benchmark benchmark) {
        return benchmark.splits().stream().filter(s -> s.visibility() == SplitVisibility.TEST).findFirst()
                .or(() -> benchmark.splits().stream().findFirst())
                .orElseThrow(() -> new NotFoundException("benchmark " + benchmark.name() + " has no splits"));
    }

    private static boolean hasNegatives(Benchmark benchmark) {
        return benchmark.splits().stream().anyMatch(s -> s.negatives() > 0);
    }

    private static List<String> publicSplits(Benchmark benchmark) {
        return benchmark.splits().stream().map(Split::name).toList();
    }
}
