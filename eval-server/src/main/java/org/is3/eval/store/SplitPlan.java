package org.is3.eval.store;

import org.is3.core.Problems;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.gt.GroundTruth;
import org.is3.core.gt.GroundTruthSet;

/**
 * Divides one ground-truth set into a benchmark's splits: the ids listed in a dev file form
 * {@code dev}, those in a private file form {@code private}, and the rest {@code test}. Each split
 * keeps the samples in the set's own order, the reference loader's order that sums follow
 * (metrics.md §2). For IS3 (file order) and VGG-SS (sorted ids) that is also the order the reader
 * gives for the same ids as a subset, so a team scoring the dev ids locally with
 * {@code is3 eval score --ids} adds in the same order.
 */
public final class SplitPlan {

    private SplitPlan() {
    }

    /**
     * The splits of {@code all}; either ids file may be null. A split left empty is omitted.
     *
     * @throws InputException for an unreadable or empty ids file, ids the set lacks, or an id in both files
     */
    public static List<SplitTruth> partition(GroundTruthSet all, Path devIds, Path privateIds) {
        Set<String> dev = devIds == null ? Set.of() : listedIn(all, devIds, "dev");
        Set<String> hidden = privateIds == null ? Set.of() : listedIn(all, privateIds, "private");
        List<String> both = dev.stream().filter(hidden::contains).toList();
        if (!both.isEmpty()) {
            throw new InputException(both.size() + " id(s) are listed both in the dev ids " + devIds
                    + " and in the private ids " + privateIds + ": " + Problems.ids(both));
        }
        List<GroundTruth> devSamples = new ArrayList<>();
        List<GroundTruth> testSamples = new ArrayList<>();
        List<GroundTruth> privateSamples = new ArrayList<>();
        for (GroundTruth g : all) {
            (dev.contains(g.id()) ? devSamples : hidden.contains(g.id()) ? privateSamples : testSamples).add(g);
        }
        List<SplitTruth> splits = new ArrayList<>(3);
        add(splits, SplitVisibility.DEV, devSamples);
        add(splits, SplitVisibility.TEST, testSamples);
        add(splits, SplitVisibility.PRIVATE, privateSamples);
        return splits;
    }

    /**
     * The ids of a file with one id per line, or a CSV whose first column is the id; blank lines
     * are skipped and ids stripped of surrounding blanks and double quotes.
     */
    public static List<String> readIds(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("cannot read the ids file " + file + ": " + e.getMessage(), e);
        }
        List<String> ids = new ArrayList<>(lines.size());
        for (String line : lines) {
            String id = firstColumn(line.replace("\uFEFF", ""));
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new InputException("the ids file " + file + " lists no ids");
        }
        return ids;
    }

    private static String firstColumn(String line) {
        int comma = line.indexOf(',');
        String field = (comma < 0 ? line : line.substring(0, comma)).strip();
        if (field.length() >= 2 && field.startsWith("\"") && field.endsWith("\"")) {
            field = field.substring(1, field.length() - 1).strip();
        }
        return field;
    }

    private static Set<String> listedIn(GroundTruthSet all, Path file, String split) {
        Set<String> ids = new LinkedHashSet<>(readIds(file));
        List<String> missing = ids.stream().filter(id -> !all.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new InputException(missing.size() + " id(s) of the " + split + " ids " + file
                    + " are not in the ground truth: " + Problems.ids(missing));
        }
        return ids;
    }

    private static void add(List<SplitTruth> splits, SplitVisibility visibility, List<GroundTruth> samples) {
        if (!samples.isEmpty()) {
            splits.add(new SplitTruth(visibility, GroundTruthSet.of(samples, "the " + visibility.dbName() + " split")));
        }
    }
}
