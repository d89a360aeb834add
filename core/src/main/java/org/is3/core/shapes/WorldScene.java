package org.is3.core.shapes;

import java.util.List;

/**
 * A scene of the shapes world under its IS3-style names: the image base {@code <c1>_<c2>_<n>} and one
 * instance {@code <base>_<target>} per object (datasets.md, "Naming").
 *
 * @param index the scene's index in the world, the {@code <n>} of its base
 * @param seed  the seed the scene was rendered from (derived from the world seed and the index)
 */
public record WorldScene(String base, int index, long seed, Scene scene) {

    /** Instance name of object a. */
    public String instanceA() {
        return base + "_" + scene.a().category().name();
    }

    /** Instance name of object b. */
    public String instanceB() {
        return base + "_" + scene.b().category().name();
    }

    public List<String> instances() {
        return List.of(instanceA(), instanceB());
    }
}
