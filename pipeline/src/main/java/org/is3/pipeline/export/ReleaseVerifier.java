package org.is3.pipeline.export;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.is3.core.InputException;

/**
 * Checks a release directory against its {@code manifest.json}: every listed file present with its
 * size and SHA-256, and no file that the manifest does not list.
 */
public final class ReleaseVerifier {

    public static final String MANIFEST = "manifest.json";

    private ReleaseVerifier() {
    }

    /**
     * @return one line per problem (empty when the release is intact)
     * @throws InputException when the directory has no readable manifest
     */
    public static List<String> verify(Path release) {
        Path manifestFile = release.resolve(MANIFEST);
        JsonNode manifest;
        try {
            manifest = ReleaseJson.JSON.readTree(manifestFile.toFile());
        } catch (IOException e) {
            throw new InputException(manifestFile + ": no readable release manifest (" + e.getMessage() + ")", e);
        }
        JsonNode files = manifest.get("files");
        if (files == null || !files.isArray()) {
            throw new InputException(manifestFile + ": has no 'files' list");
        }
        List<String> problems = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        for (JsonNode f : files) {
            String path = f.path("path").asText();
            listed.add(path);
            Path file = release.resolve(path).normalize();
            if (!file.startsWith(release.normalize()) || !Files.isRegularFile(file)) {
                problems.add(path + ": missing");
                continue;
            }
            try {
                if (Files.size(file) != f.path("bytes").asLong()) {
                    problems.add(path + ": " + Files.size(file) + " bytes, manifest says " + f.path("bytes").asLong());
                    continue;
                }
            } catch (IOException e) {
                problems.add(path + ": unreadable (" + e.getMessage() + ")");
                continue;
            }
            if (!ReleaseFiles.sha256(file).equals(f.path("sha256").asText())) {
                problems.add(path + ": SHA-256 differs from the manifest");
            }
        }
        try (Stream<Path> walk = Files.walk(release)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> release.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(MANIFEST) && !listed.contains(p))
                    .sorted()
                    .forEach(p -> problems.add(p + ": not in the manifest"));
        } catch (IOException e) {
            problems.add("listing " + release + " failed: " + e.getMessage());
        }
        return problems;
    }
}
