package org.is3.core.gt;

import org.is3.core.Problems;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import org.is3.core.InputException;

/**
 * A list of sample ids that restricts a test set: a text file with one id per line, or a CSV whose
 * first column is the id (e.g. {@code flickr_test.csv}, {@code ours_vggss.txt}). The reference
 * loaders take {@code row[0]} of Python's {@code csv.reader}; here blank rows are skipped and ids
 * are stripped of surrounding blanks.
 */
final class IdSubset {
    /** Python's {@code sorted()} order on str: by Unicode code point. */
    static final Comparator<String> PYTHON_ORDER = IdSubset::compareCodePoints;

    private final Path file;
    private final List<String> ids;

    private IdSubset(Path file, List<String> ids) {
        this.file = file;
        this.ids = ids;
    }

    static IdSubset read(Path file) {
        List<String> ids = new ArrayList<>();
        for (CsvRows.Row row : CsvRows.read(file)) {
            if (row.fields().isEmpty()) {
                continue;
            }
            String id = row.field(0).strip();
            if (!id.isEmpty()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            throw new InputException("id subset " + file + " lists no ids");
        }
        return new IdSubset(file, List.copyOf(ids));
    }

    Path file() {
        return file;
    }

    /** The ids as listed, duplicates included. */
    List<String> inFileOrder() {
        return ids;
    }

    /**
     * {@code sorted(set(ids))}: the order in which SSLalignment's and SLAVC's {@code get_test_dataset}
     * evaluate a test list.
     */
    List<String> sortedUnique() {
        TreeSet<String> set = new TreeSet<>(PYTHON_ORDER);
        set.addAll(ids);
        return List.copyOf(set);
    }

    /** The error for subset ids that the ground truth lacks. */
    InputException missing(List<String> missingIds, String groundTruth) {
        return new InputException(missingIds.size() + " id(s) of the subset " + file + " are not in " + groundTruth
                + ": " + Problems.ids(missingIds));
    }

    static int compareCodePoints(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i);
            int cb = b.codePointAt(j);
            if (ca != cb) {
                return Integer.compare(ca, cb);
            }
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
