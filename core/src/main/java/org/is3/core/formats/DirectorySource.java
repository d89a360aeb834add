package org.is3.core.formats;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.is3.core.InputException;

/**
 * A directory of {@code <id>.npy} files, not searched recursively. Hidden files (a leading dot) are
 * skipped; anything else that is not an {@code .npy} file is refused, so a misplaced file is named
 * rather than silently scored as missing.
 */
final class DirectorySource implements PredictionSource {
    private final Path dir;
    private final Map<String, Path> files;
    private final List<String> ids;

    private DirectorySource(Path dir, Map<String, Path> files) {
        this.dir = dir;
        this.files = files;
        this.ids = List.copyOf(files.keySet());
    }

    static DirectorySource open(Path dir) {
        List<Path> listed;
        try (Stream<Path> s = Files.list(dir)) {
            listed = s.sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the directory (" + e.getMessage() + ")", e);
        }
        SampleIds<Path> ids = new SampleIds<>();
        for (Path p : listed) {
            String name = p.getFileName().toString();
            if (name.startsWith(".")) {
                continue;
            }
            if (Files.isDirectory(p)) {
                throw new InputException(p + ": unexpected subdirectory; " + dir + " must hold only <id>.npy files");
            }
            if (!name.endsWith(".npy")) {
                throw new InputException(p + ": not an .npy file; " + dir + " must hold only <id>.npy files");
            }
            ids.add(name.substring(0, name.length() - 4), p, name);
        }
        return new DirectorySource(dir, ids.finish(dir.toString()));
    }

    @Override
    public List<String> ids() {
        return ids;
    }

    @Override
    public NpyArray read(String id) {
        Path p = files.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no sample '" + id + "' in " + dir);
        }
        return Npy.read(p);
    }

    @Override
    public String describe() {
        return "directory " + dir + ": " + files.size() + " samples";
    }

    @Override
    public void close() {
        // Nothing is held open between reads.
    }
}
