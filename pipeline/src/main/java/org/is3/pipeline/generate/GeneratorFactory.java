package org.is3.pipeline.generate;

import org.is3.pipeline.plan.RunConfig;

/**
 * The service ({@link java.util.ServiceLoader}) through which a module adds a generator: listed in
 * {@code META-INF/services/org.is3.pipeline.generate.GeneratorFactory}.
 */
public interface GeneratorFactory {

    String name();

    /**
     * The generator for one run.
     *
     * @throws org.is3.core.InputException when the run's config does not suit this generator
     */
    Generator create(RunConfig config);
}
