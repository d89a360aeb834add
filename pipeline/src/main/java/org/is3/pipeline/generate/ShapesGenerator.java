package org.is3.pipeline.generate;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.is3.core.InputException;
import org.is3.core.shapes.Scene;
import org.is3.core.shapes.SceneGenerator;
import org.is3.core.shapes.ShapeCategory;
import org.is3.core.shapes.ShapesWorld;
import org.is3.pipeline.plan.PlannedImage;
import org.is3.pipeline.plan.RunConfig;

/**
 * The CPU {@code shapes} generator: renders the planned pair with the planned seed through core's
 * {@link SceneGenerator}, so the masks are exact, and records the whole {@link
 * org.is3.core.shapes.SceneSpec} (every choice) as params. Categories are the run's shapes-world
 * categories, drawn with the run seed as the planner drew them.
 */
public final class ShapesGenerator implements Generator {

    public static final String NAME = "shapes";
    /** Bump when core's scene rendering changes the pixels for a given spec. */
    public static final String VERSION = "1";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ShapeCategory> categories = new HashMap<>();
    private final int size;

    ShapesGenerator(RunConfig config) {
        if (!config.categories().isShapes()) {
            throw new InputException("run " + config.name() + ": generator 'shapes' draws the shapes world's"
                    + " own categories; give categories: {shapes: N} or choose another generator");
        }
        for (ShapeCategory c : ShapesWorld.categories(config.categories().shapes(), config.seed())) {
            categories.put(c.name(), c);
        }
        this.size = config.imageSize();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public boolean drawsMasks() {
        return true;
    }

    @Override
    public GeneratedImage generate(PlannedImage image) {
        Scene scene = SceneGenerator.render(category(image, image.c1()), category(image, image.c2()),
                image.seed(), size, size);
        List<ObjectMask> masks = List.of(
                new ObjectMask(image.c1(), scene.a().mask(), size, size),
                new ObjectMask(image.c2(), scene.b().mask(), size, size));
        Map<String, Object> params = JSON.convertValue(scene.spec(), new TypeReference<Map<String, Object>>() { });
        return new GeneratedImage(scene.image(), masks, params);
    }

    private ShapeCategory category(PlannedImage image, String token) {
        ShapeCategory c = categories.get(token);
        if (c == null) {
            throw new InputException("image " + image.base() + ": '" + token
                    + "' is not a shapes-world category of this run");
        }
        return c;
    }

    /** Registers {@code shapes} with the {@link GeneratorRegistry}. */
    public static final class Factory implements GeneratorFactory {

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Generator create(RunConfig config) {
            return new ShapesGenerator(config);
        }
    }
}
