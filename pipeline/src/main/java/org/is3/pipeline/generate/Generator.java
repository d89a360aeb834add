package org.is3.pipeline.generate;

import org.is3.pipeline.plan.PlannedImage;

/**
 * An image generator of the pipeline (issue 4, Generate): {@code shapes} on the CPU, {@code sd} when
 * the models module provides it. A generator is made for one run by its {@link GeneratorFactory}
 * and must be a pure function of the planned image, so a redelivered message redraws the same image.
 * It may be called from several consumer threads at once.
 */
public interface Generator {

    /** The name run configs select it by. */
    String name();

    /** Recorded with every image, so a release names exactly what drew it. */
    String version();

    GeneratedImage generate(PlannedImage image);

    /**
     * Whether every image comes with the exact mask of both objects, so a run may auto-annotate
     * (the shapes world); generators whose masks come from people (Stable Diffusion) say no.
     */
    default boolean drawsMasks() {
        return false;
    }
}
