package org.is3.annotator.segment;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.is3.core.InputException;

/** The segmenters on the class path, by name. */
public final class Segmenters {
    public static final String DEFAULT = GrabCutSegmenter.NAME;

    private Segmenters() {
    }

    /** Creates the segmenter called {@code name}; an unknown name lists the known ones. */
    public static Segmenter create(String name, SegmenterSettings settings) {
        for (SegmenterFactory f : factories()) {
            if (f.name().equals(name)) {
                return f.create(settings);
            }
        }
        throw new InputException("unknown segmenter '" + name + "' (known: " + String.join(", ", names()) + ")");
    }

    public static List<String> names() {
        TreeSet<String> names = new TreeSet<>();
        factories().forEach(f -> names.add(f.name()));
        return List.copyOf(names);
    }

    private static List<SegmenterFactory> factories() {
        List<SegmenterFactory> list = new ArrayList<>();
        ServiceLoader.load(SegmenterFactory.class, Segmenters.class.getClassLoader()).forEach(list::add);
        return list;
    }
}
