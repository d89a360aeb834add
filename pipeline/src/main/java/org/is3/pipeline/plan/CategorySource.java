package org.is3.pipeline.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.ShapesWorld;

/**
 * Where a run's categories come from: a class-list file (one class per line, e.g. VGG-SS's
 * {@code vggss_classes.txt}; blank lines and lines starting with {@code #} skipped), or the shapes
 * world's own {@code shapes} categories drawn with the run seed.
 *
 * @param file   absolute path of the class list, or null
 * @param shapes number of shapes-world categories, or 0 when {@code file} is given
 */
public record CategorySource(Path file, int shapes) {

    public CategorySource {
        if ((file == null) == (shapes == 0)) {
            throw new InputException("categories: give either 'file' (a class list) or 'shapes' (a count),"
                    + " not " + (file == null ? "neither" : "both"));
        }
        if (shapes < 0 || shapes > ShapesWorld.MAX_CATEGORIES) {
            throw new InputException("categories.shapes must be in 2.." + ShapesWorld.MAX_CATEGORIES
                    + ", got " + shapes);
        }
    }

    public static CategorySource file(Path file) {
        return new CategorySource(file.toAbsolutePath().normalize(), 0);
    }

    public static CategorySource shapes(int count) {
        return new CategorySource(null, count);
    }

    public boolean isShapes() {
        return shapes > 0;
    }

    /**
     * The categories in list order, without repeats: a label listed twice counts once; two labels
     * with the same token are refused, since their images would share names.
     */
    public List<Category> load(long seed) {
        if (isShapes()) {
            List<Category> out = new ArrayList<>();
            for (ShapeCategory c : ShapesWorld.categories(shapes, seed)) {
                out.add(new Category(c.name(), c.name()));
            }
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException("categories.file " + file + " cannot be read: " + e.getMessage(), e);
        }
        Map<String, Category> byToken = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            Category c = Category.ofLabel(line);
            if (c == null) {
                throw new InputException(file + " line " + (i + 1) + ": class '" + line
                        + "' has no letter or digit to name images by");
            }
            Category seen = byToken.putIfAbsent(c.token(), c);
            if (seen != null && !seen.label().equals(c.label())) {
                throw new InputException(file + " line " + (i + 1) + ": class '" + line + "' and class '"
                        + seen.label() + "' both become the name token '" + c.token() + "'");
            }
        }
        if (byToken.size() < 2) {
            throw new InputException("categories.file " + file + " lists " + byToken.size()
                    + " distinct classes; a pair needs at least 2");
        }
        return List.copyOf(byToken.values());
    }
}
