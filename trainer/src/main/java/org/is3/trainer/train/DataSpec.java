package org.is3.trainer.train;

import java.nio.file.Path;
import org.is3.trainer.data.VggSoundSource;

/**
 * Where training (or validation) examples come from.
 *
 * @param kind       {@code shapes} (generated on the fly), {@code release} (an is3 release or list) or
 *                   {@code vggsound} (index CSV + clips)
 * @param path       release directory or list file (release)
 * @param index      VGGSound index CSV (vggsound)
 * @param clips      directory of clip files (vggsound)
 * @param naming     clip file naming (vggsound)
 * @param split      rows of this split only (vggsound; null = all)
 * @param categories shapes world size
 * @param worldSeed  seed of the shapes world's categories
 * @param sceneSeed  seed of the scenes (validation uses another)
 * @param scenes     scenes per epoch (shapes; two examples each)
 * @param closeUp    close-up layout (two large glyphs) instead of the default world layout
 */
public record DataSpec(String kind, Path path, Path index, Path clips, VggSoundSource.Naming naming, String split,
                       int categories, long worldSeed, long sceneSeed, int scenes, boolean closeUp) {
}
