package org.is3.annotator.work;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.is3.annotator.auth.Account;
import org.is3.annotator.store.Jdbc;
import org.is3.annotator.task.HeldTasks;
import org.is3.annotator.task.Task;
import org.is3.annotator.task.TaskException;
import org.is3.annotator.task.TaskKind;
import org.is3.core.InputException;

/** The review queue: a reviewer sees the disagreeing masks of an image and picks one per category. */
public final class Reviews {
    private final DataSource dataSource;

    public Reviews(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The candidate masks of a held review task, per category. */
    public Map<String, List<StoredMask>> candidates(Account reviewer, long taskId) {
        return Jdbc.read(dataSource, "reading the candidates of review task " + taskId, c -> {
            Task t = HeldTasks.require(c, reviewer, taskId, null, TaskKind.REVIEW);
            return Candidates.load(c, t.runId(), t.base());
        });
    }

    /** Accepts the chosen submission per category (both categories), as the reviewer's decision. */
    public void resolve(Account reviewer, long taskId, String leaseToken, Map<String, Long> choices) {
        Jdbc.inTransaction(dataSource, "resolving review task " + taskId, c -> {
            Task t = HeldTasks.require(c, reviewer, taskId, leaseToken, TaskKind.REVIEW);
            Map<String, List<StoredMask>> candidates = Candidates.load(c, t.runId(), t.base());
            Map<String, StoredMask> chosen = new LinkedHashMap<>();
            for (String category : t.categories()) {
                Long id = choices.get(category);
                if (id == null) {
                    throw new InputException("choices: no submission chosen for category '" + category + "'");
                }
                StoredMask m = candidates.getOrDefault(category, List.of()).stream().filter(s -> s.id() == id)
                        .findFirst().orElseThrow(() -> new InputException("choices: submission " + id
                                + " is not a candidate for category '" + category + "' of this image"));
                chosen.put(category, m);
            }
            if (choices.size() != 2) {
                throw new InputException("choices: expected exactly the categories " + t.categories());
            }
            HeldTasks.markDone(c, reviewer, taskId);
            if (!Acceptance.accept(c, t.runId(), t.base(), chosen, Map.of(), reviewer.id())) {
                throw new TaskException(TaskException.Reason.CONFLICT, "the image of review task " + taskId
                        + " is no longer waiting for annotation");
            }
            return null;
        });
    }
}
