package org.is3.core.gt;

import org.is3.core.Problems;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.is3.core.InputException;

/**
 * The ground truth of one test set: samples in a fixed order with lookup by id. The order is the
 * reference loader's order (see each reader), and it matters: metrics that sum per-sample values
 * (mean cIoU, metrics.md §2, §10) add them in this order.
 */
public final class GroundTruthSet implements Iterable<GroundTruth> {
    private final List<GroundTruth> samples;
    private final Map<String, GroundTruth> byId;
    private final List<String> ids;
    private final int negatives;

    private GroundTruthSet(List<GroundTruth> samples, Map<String, GroundTruth> byId) {
        this.samples = samples;
        this.byId = byId;
        List<String> idList = new ArrayList<>(samples.size());
        int neg = 0;
        for (GroundTruth g : samples) {
            idList.add(g.id());
            if (g.isNegative()) {
                neg++;
            }
        }
        this.ids = Collections.unmodifiableList(idList);
        this.negatives = neg;
    }

    /** A set from samples in order; duplicate ids are an error. */
    public static GroundTruthSet of(List<GroundTruth> samples) {
        return of(samples, "the ground truth");
    }

    /**
     * A set from samples in order.
     *
     * @param source names where the samples came from, for the duplicate-id error (e.g. the file)
     * @throws InputException if two samples share an id; the message names the duplicated ids
     */
    public static GroundTruthSet of(List<GroundTruth> samples, String source) {
        List<GroundTruth> copy = List.copyOf(samples);
        Map<String, GroundTruth> byId = new HashMap<>(copy.size() * 2);
        Set<String> duplicates = new LinkedHashSet<>();
        for (GroundTruth g : copy) {
            if (byId.putIfAbsent(g.id(), g) != null) {
                duplicates.add(g.id());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new InputException(source + " has " + duplicates.size() + " duplicated sample id(s): "
                    + Problems.ids(new ArrayList<>(duplicates)));
        }
        return new GroundTruthSet(copy, byId);
    }

    /** The sample with this id, if any. */
    public Optional<GroundTruth> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public boolean contains(String id) {
        return byId.containsKey(id);
    }

    /** The sample at a position of the set's order. */
    public GroundTruth at(int index) {
        return samples.get(index);
    }

    /** Sample ids in order (unmodifiable). */
    public List<String> ids() {
        return ids;
    }

    /** Samples in order (unmodifiable). */
    public List<GroundTruth> samples() {
        return samples;
    }

    public int size() {
        return samples.size();
    }

    public boolean isEmpty() {
        return samples.isEmpty();
    }

    /** Number of samples of kind {@link SampleKind#POSITIVE}. */
    public int positives() {
        return samples.size() - negatives;
    }

    /** Number of samples of any negative kind (non-sounding, silence, noise, off-screen). */
    public int negatives() {
        return negatives;
    }

    @Override
    public Iterator<GroundTruth> iterator() {
        return samples.iterator();
    }

    public Stream<GroundTruth> stream() {
        return samples.stream();
    }

    @Override
    public String toString() {
        return "GroundTruthSet[size=" + size() + ", positives=" + positives() + ", negatives=" + negatives + "]";
    }
}
