package org.is3.core.formats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.is3.core.InputException;

/** Collects id → item in insertion order and refuses duplicate ids, naming them and their origins. */
final class SampleIds<T> {
    private static final int SHOWN = 10;

    private final Map<String, T> items = new LinkedHashMap<>();
    private final Map<String, String> origins = new LinkedHashMap<>();
    private final Map<String, List<String>> duplicates = new LinkedHashMap<>();

    /** Adds {@code item} under {@code id}; {@code origin} names where it came from, for messages. */
    void add(String id, T item, String origin) {
        String first = origins.putIfAbsent(id, origin);
        if (first != null) {
            duplicates.computeIfAbsent(id, k -> new ArrayList<>(List.of(first))).add(origin);
        } else {
            items.put(id, item);
        }
    }

    /** The collected map, or an exception naming the duplicate ids (the first ten) and their origins. */
    Map<String, T> finish(String source) {
        if (!duplicates.isEmpty()) {
            String shown = duplicates.entrySet().stream().limit(SHOWN)
                    .map(e -> "'" + e.getKey() + "' (" + String.join(", ", e.getValue()) + ")")
                    .collect(Collectors.joining("; "));
            throw new InputException(source + ": " + duplicates.size() + " duplicate sample id(s): " + shown
                    + (duplicates.size() > SHOWN ? "; …" : ""));
        }
        return items;
    }
}
