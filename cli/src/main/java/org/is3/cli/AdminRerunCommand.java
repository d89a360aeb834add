package org.is3.cli;

import org.is3.eval.store.Submission;
import org.is3.eval.store.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Send a scored or failed submission back to the scoring queue; its results are removed",
            "until it is scored again."})
final class AdminRerunCommand extends AdminCommand {

    @Option(names = "--submission", required = true, paramLabel = "ID", description = "The submission id.")
    long submission;

    @Override
    public Integer call() {
        Submission queued = withDatabase(db -> new Submissions(db.dataSource()).rerun(submission));
        out().printf("submission %d ('%s' by team '%s') is %s again%n", queued.id(), queued.metadata().method(),
                queued.teamName(), queued.status().dbName());
        out().flush();
        return 0;
    }
}
