package org.is3.models.sam;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Image embeddings on disk, {@code <root>/<model id>/<image key>.ndlist} (DJL's NDList encoding: the
 * encoder's outputs then an int32 {@code [height, width]} of the original image), with the most recent
 * ones also kept in memory as encoded bytes. Files are written to a temporary name and moved into place,
 * so a reader never sees half an embedding. The model id is part of the path, so embeddings of another
 * model are never used. Not thread-safe: {@link SamPredictor} serialises calls.
 */
final class EmbeddingCache {

    private final Path dir;
    private final Map<String, byte[]> recent;

    EmbeddingCache(Path root, String modelId, int memoryEntries) {
        this.dir = root.toAbsolutePath().normalize().resolve(modelId);
        this.recent = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, byte[]> eldest) {
                return size() > memoryEntries;
            }
        };
    }

    Path dir() {
        return dir;
    }

    Path file(String key) {
        return dir.resolve(key + ".ndlist");
    }

    boolean contains(String key) {
        return recent.containsKey(key) || Files.isRegularFile(file(key));
    }

    /** The cached arrays decoded into {@code manager}, or empty when this image was never embedded. */
    Optional<NDList> get(String key, NDManager manager) {
        byte[] bytes = recent.get(key);
        if (bytes == null) {
            Path f = file(key);
            if (!Files.isRegularFile(f)) {
                return Optional.empty();
            }
            try {
                bytes = Files.readAllBytes(f);
            } catch (IOException e) {
                throw new UncheckedIOException("reading embedding " + f + " failed: " + e.getMessage(), e);
            }
            recent.put(key, bytes);
        }
        return Optional.of(NDList.decode(manager, bytes));
    }

    void put(String key, NDList arrays) {
        byte[] bytes = arrays.encode();
        Path target = file(key);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".part-", ".ndlist");
            try {
                Files.write(tmp, bytes);
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing embedding " + target + " failed: " + e.getMessage(), e);
        }
        recent.put(key, bytes);
    }
}
