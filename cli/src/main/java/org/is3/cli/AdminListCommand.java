package org.is3.cli;

import java.io.PrintWriter;
import java.time.Instant;
import org.is3.eval.auth.Tokens;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.Phase;
import org.is3.eval.store.Phases;
import org.is3.eval.store.Split;
import org.is3.eval.store.Team;
import org.is3.eval.store.Teams;
import picocli.CommandLine.Command;

@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List benchmarks with their splits and phases, and teams with their live token counts.")
final class AdminListCommand extends AdminCommand {

    @Override
    public Integer call() {
        PrintWriter out = out();
        withDatabase(db -> {
            Instant now = Instant.now();
            Phases phases = new Phases(db.dataSource());
            out.println("benchmarks");
            for (Benchmark b : new Benchmarks(db.dataSource()).list()) {
                out.printf("  %s  (%s, protocol %s, tau %s, created %s)%n", b.name(), b.gtFormat().cliName(),
                        b.protocol().name(), b.tau(), b.createdAt());
                for (Split split : b.splits()) {
                    out.printf("    split %-8s %6d samples (%d negatives)%n", split.name(), split.samples(),
                            split.negatives());
                }
                for (Phase p : phases.list(b.name())) {
                    out.printf("    phase %s  %s → %s  quotas %d/day, %d total, %d failed; leaderboard %s%s%n",
                            p.name(), p.opensAt(), p.closesAt() == null ? "open-ended" : p.closesAt(),
                            p.dailyQuota(), p.totalQuota(), p.failedQuota(),
                            p.leaderboardPublic() ? "public" : "hidden", p.isOpenAt(now) ? "  [open now]" : "");
                }
            }
            Tokens tokens = new Tokens(db.dataSource());
            out.println("teams");
            for (Team team : new Teams(db.dataSource()).list()) {
                out.printf("  %s  (%s, %d live token(s), created %s)%n", team.name(), team.role().dbName(),
                        tokens.liveCount(team), team.createdAt());
            }
            return null;
        });
        out.flush();
        return 0;
    }
}
