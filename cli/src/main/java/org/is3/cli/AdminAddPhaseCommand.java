package org.is3.cli;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.is3.core.InputException;
import org.is3.eval.store.NewPhase;
import org.is3.eval.store.Phase;
import org.is3.eval.store.Phases;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "add-phase", mixinStandardHelpOptions = true,
        description = {"Open a benchmark for submissions during a window of time, with per-team quotas.",
            "Quotas are counts a team stays below. Failed submissions do not use the daily or total quota",
            "but are capped by --failed."})
final class AdminAddPhaseCommand extends AdminCommand {

    @Option(names = "--benchmark", required = true, paramLabel = "NAME", description = "The benchmark.")
    String benchmark;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "Phase name, e.g. dev or final.")
    String name;

    @Option(names = "--opens", paramLabel = "ISO",
            description = "Opening time, e.g. 2026-03-01T00:00:00Z, 2026-03-01T09:00+01:00 or 2026-03-01 (UTC midnight);"
                    + " default now.")
    String opens;

    @Option(names = "--closes", paramLabel = "ISO", description = "Closing time (same forms); default: never closes.")
    String closes;

    @Option(names = "--daily", defaultValue = "5", paramLabel = "N",
            description = "Submissions per team per UTC day (default ${DEFAULT-VALUE}).")
    int daily;

    @Option(names = "--total", defaultValue = "100", paramLabel = "N",
            description = "Submissions per team in the phase (default ${DEFAULT-VALUE}).")
    int total;

    @Option(names = "--failed", defaultValue = "10", paramLabel = "N",
            description = "Failed submissions per team in the phase (default ${DEFAULT-VALUE}).")
    int failed;

    @Option(names = "--hidden-leaderboard",
            description = "Show this phase's entries only to their own team and admins.")
    boolean hiddenLeaderboard;

    @Override
    public Integer call() {
        NewPhase phase = new NewPhase(name, opens == null ? Instant.now() : time("--opens", opens),
                closes == null ? null : time("--closes", closes), daily, total, failed, !hiddenLeaderboard);
        Phase added = withDatabase(db -> new Phases(db.dataSource()).add(benchmark, phase));
        out().printf("phase '%s' added to benchmark '%s': opens %s, %s; quotas per team: %d a day, %d in total,"
                        + " %d failed; leaderboard %s%n", added.name(), added.benchmarkName(), added.opensAt(),
                added.closesAt() == null ? "never closes" : "closes " + added.closesAt(), added.dailyQuota(),
                added.totalQuota(), added.failedQuota(), added.leaderboardPublic() ? "public" : "hidden");
        out().flush();
        return 0;
    }

    /** An ISO-8601 instant, offset date-time, or date (its UTC midnight). */
    static Instant time(String option, String text) {
        String value = text.strip();
        try {
            if (value.length() == 10) {
                return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeException e) {
            throw new InputException(option + " '" + text + "' is not an ISO-8601 time; expected e.g."
                    + " 2026-03-01T00:00:00Z, 2026-03-01T09:00+01:00 or 2026-03-01");
        }
    }
}
