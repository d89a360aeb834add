package org.is3.pipeline.generate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.ServiceLoader;
import org.is3.core.InputException;
import org.is3.pipeline.plan.RunConfig;

/** The generators by name: those on the class path ({@link ServiceLoader}) and any added. */
public final class GeneratorRegistry {

    private final Map<String, GeneratorFactory> factories;

    private GeneratorRegistry(Map<String, GeneratorFactory> factories) {
        this.factories = Map.copyOf(factories);
    }

    /** The factories listed in {@code META-INF/services}; {@code shapes} is always among them. */
    public static GeneratorRegistry load() {
        Map<String, GeneratorFactory> found = new LinkedHashMap<>();
        for (GeneratorFactory f : ServiceLoader.load(GeneratorFactory.class)) {
            found.putIfAbsent(f.name(), f);
        }
        return new GeneratorRegistry(found);
    }

    /** This registry and {@code factory}, which replaces one of the same name. */
    public GeneratorRegistry with(GeneratorFactory factory) {
        Map<String, GeneratorFactory> more = new LinkedHashMap<>(factories);
        more.put(factory.name(), factory);
        return new GeneratorRegistry(more);
    }

    /**
     * The generator the run's config names.
     *
     * @throws InputException for an unknown generator name, or a config the generator refuses
     */
    public Generator create(RunConfig config) {
        GeneratorFactory f = factories.get(config.generator());
        if (f == null) {
            throw new InputException("run " + config.name() + ": generator '" + config.generator()
                    + "' is not available; available: " + factories.keySet().stream().sorted().toList());
        }
        return f.create(config);
    }
}
