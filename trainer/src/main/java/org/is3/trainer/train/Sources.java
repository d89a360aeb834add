package org.is3.trainer.train;

import java.nio.file.Files;
import java.nio.file.Path;
import org.is3.core.grid.Grid;
import org.is3.core.shapes.ShapesWorld;
import org.is3.trainer.data.AvSource;
import org.is3.trainer.data.ReleaseSource;
import org.is3.trainer.data.ShapesRelease;
import org.is3.trainer.data.ShapesSource;
import org.is3.trainer.data.VggSoundSource;

/** Turns the data sections of a {@link TrainConfig} into sources. */
public final class Sources {

    private Sources() {
    }

    /** The training examples (positives only for a release). */
    public static AvSource training(DataSpec d, int imageSize) {
        return switch (d.kind()) {
            case "shapes" -> new ShapesSource(ShapesWorld.of(d.categories(), d.worldSeed()), d.scenes(), d.sceneSeed(),
                    imageSize, d.closeUp());
            case "release" -> ReleaseSource.open(d.path(), false);
            case "vggsound" -> VggSoundSource.open(d.index(), d.clips(), d.naming(), d.split());
            default -> throw new IllegalArgumentException("no training data kind '" + d.kind() + "'");
        };
    }

    /**
     * The release directory validation scores: the configured one, or for shapes a held-out release
     * written once under {@code runDir/validation-release} (scenes of {@code v.sceneSeed()}, same world).
     */
    public static Path validationRelease(DataSpec v, DataSpec train, int scenes, Path runDir) {
        if (v.kind().equals("release")) {
            return v.path();
        }
        Path dir = runDir.resolve("validation-release");
        if (!Files.isRegularFile(dir.resolve("synthetic_bbox.json"))) {
            ShapesSource held = new ShapesSource(ShapesWorld.of(train.categories(), train.worldSeed()), scenes,
                    v.sceneSeed(), Grid.SIZE, train.closeUp());
            ShapesRelease.write(held, scenes, v.sceneSeed(), dir);
        }
        return dir;
    }
}
