package org.is3.annotator.server;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.is3.annotator.task.Task;

/**
 * Task images under the is3 home: paths are resolved inside the home only (a stored path that
 * leaves it is refused), decoded images are kept in a small LRU for click-by-click proposals.
 */
final class ImageStore {
    private static final int CACHED = 16;
    private final Path home;
    private final Map<Path, BufferedImage> cache = new LinkedHashMap<>(CACHED, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, BufferedImage> eldest) {
            return size() > CACHED;
        }
    };

    ImageStore(Path home) {
        this.home = home.toAbsolutePath().normalize();
    }

    Path path(Task task) {
        if (task.imagePath() == null) {
            throw new ApiError(404, "task " + task.id() + " has no image file yet");
        }
        Path p = home.resolve(task.imagePath()).normalize();
        if (!p.startsWith(home) || !Files.isRegularFile(p)) {
            throw new ApiError(404, "the image of task " + task.id() + " is missing from the is3 home");
        }
        return p;
    }

    BufferedImage image(Task task) {
        Path p = path(task);
        synchronized (cache) {
            BufferedImage hit = cache.get(p);
            if (hit != null) {
                return hit;
            }
        }
        BufferedImage img;
        try {
            img = ImageIO.read(p.toFile());
        } catch (IOException e) {
            throw new ApiError(500, "the image of task " + task.id() + " cannot be read: " + e.getMessage());
        }
        if (img == null) {
            throw new ApiError(500, "the image of task " + task.id() + " is not a readable PNG");
        }
        synchronized (cache) {
            cache.put(p, img);
        }
        return img;
    }
}
