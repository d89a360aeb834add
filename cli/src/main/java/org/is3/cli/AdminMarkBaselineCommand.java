package org.is3.cli;

import org.is3.eval.store.Submission;
import org.is3.eval.store.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "mark-baseline", mixinStandardHelpOptions = true,
        description = "Mark a submission as a baseline (shown as such on the leaderboard), or unmark it with --off.")
final class AdminMarkBaselineCommand extends AdminCommand {

    @Option(names = "--submission", required = true, paramLabel = "ID", description = "The submission id.")
    long submission;

    @Option(names = "--off", description = "Remove the baseline mark.")
    boolean off;

    @Override
    public Integer call() {
        Submission marked = withDatabase(db -> new Submissions(db.dataSource()).markBaseline(submission, !off));
        out().printf("submission %d ('%s' by team '%s') is %s%n", marked.id(), marked.metadata().method(),
                marked.teamName(), marked.baseline() ? "marked as a baseline" : "no longer marked as a baseline");
        out().flush();
        return 0;
    }
}
