package org.is3.cli;

import org.is3.eval.queue.SubmissionQueue;
import org.is3.eval.store.NotFoundException;
import org.is3.eval.store.Submission;
import org.is3.eval.store.Submissions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "rerun", mixinStandardHelpOptions = true,
        description = {"Send a submission, whatever its status, back to the scoring queue with a full budget of",
            "attempts; a worker scoring it loses its claim, and its results are removed until it is scored again."})
final class AdminRerunCommand extends AdminCommand {

    @Option(names = "--submission", required = true, paramLabel = "ID", description = "The submission id.")
    long submission;

    @Override
    public Integer call() {
        Submission queued = withDatabase(db -> {
            Submissions submissions = new Submissions(db.dataSource());
            Submission before = submissions.require(submission);
            boolean found = new SubmissionQueue(db.dataSource(), SubmissionQueue.DEFAULT_MAX_ATTEMPTS)
                    .rerun(submission, "requested by an admin (was " + before.status().dbName() + ")");
            if (!found) {
                throw new NotFoundException("no submission with id " + submission);
            }
            return submissions.require(submission);
        });
        out().printf("submission %d ('%s' by team '%s') is %s again%n", queued.id(), queued.metadata().method(),
                queued.teamName(), queued.status().dbName());
        out().flush();
        return 0;
    }
}
