package org.is3.core.gt;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The public metadata in {@code shared/data} next to the repository (see its SOURCES.md), found by
 * walking up from the working directory. Tests that need it are skipped, with a message, when the
 * repository is checked out elsewhere.
 */
final class SharedData {
    private SharedData() {
    }

    static Path file(String name) {
        Path found = null;
        for (Path d = Path.of("").toAbsolutePath(); d != null && found == null; d = d.getParent()) {
            Path candidate = d.resolve("shared").resolve("data").resolve(name);
            found = Files.isRegularFile(candidate) ? candidate : null;
        }
        assumeTrue(found != null, "shared/data/" + name + " not found above " + Path.of("").toAbsolutePath()
                + " (the public metadata folder sits next to the repository)");
        return found;
    }
}
