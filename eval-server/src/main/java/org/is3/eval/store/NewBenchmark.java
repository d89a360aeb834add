package org.is3.eval.store;

import org.is3.core.Problems;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.is3.core.InputException;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthFormat;
import org.is3.core.metrics.LocalizationProtocol;

/**
 * A benchmark to create, checked on construction: the name fits URLs and the schema's rule,
 * tau is a positive number, and every split is non-empty, of its own visibility, and disjoint from
 * the others (a sample on a dev split and a hidden one would leak the hidden ground truth).
 */
public record NewBenchmark(String name, GroundTruthFormat gtFormat, LocalizationProtocol protocol, double tau,
                           List<SplitTruth> splits) {

    /** Same rule as the {@code eval_benchmark.name} check: it appears in URLs unescaped. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public NewBenchmark {
        requireName(name);
        Objects.requireNonNull(gtFormat, "gtFormat");
        Objects.requireNonNull(protocol, "protocol");
        if (!(tau > 0) || Double.isInfinite(tau)) {
            throw new InputException("benchmark '" + name + "': tau must be a positive number, got " + tau);
        }
        splits = List.copyOf(splits);
        requireDistinctNonEmptySplits(name, splits);
        requireDisjoint(name, splits);
    }

    /** Fails with a clear message unless {@code name} fits the rule of {@link #NAME}. */
    public static void requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InputException("benchmark name '" + name + "' is not valid: use 1 to 64 letters, digits,"
                    + " '.', '_' or '-', starting with a letter or digit");
        }
    }

    private static void requireDistinctNonEmptySplits(String name, List<SplitTruth> splits) {
        if (splits.isEmpty()) {
            throw new InputException("benchmark '" + name + "' has no split to import");
        }
        Set<SplitVisibility> seen = EnumSet.noneOf(SplitVisibility.class);
        for (SplitTruth split : splits) {
            if (!seen.add(split.visibility())) {
                throw new InputException("benchmark '" + name + "' has two " + split.name() + " splits");
            }
            if (split.truth().isEmpty()) {
                throw new InputException("benchmark '" + name + "': the " + split.name() + " split has no samples");
            }
        }
    }

    private static void requireDisjoint(String name, List<SplitTruth> splits) {
        Set<String> ids = new HashSet<>();
        List<String> shared = new ArrayList<>();
        for (SplitTruth split : splits) {
            for (GroundTruth g : split.truth()) {
                if (!ids.add(g.id())) {
                    shared.add(g.id());
                }
            }
        }
        if (!shared.isEmpty()) {
            throw new InputException("benchmark '" + name + "': " + shared.size()
                    + " sample(s) are in more than one split: " + Problems.ids(shared));
        }
    }
}
