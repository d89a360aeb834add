package org.is3.pipeline.plan;

import java.nio.file.Path;
import org.is3.core.InputException;

/**
 * Where a run's audio comes from when its instances are paired (issue 4, Pair audio).
 *
 * @param source      {@code shapes}: the shapes world's synthetic sound signatures; {@code vggsound}:
 *                    clips of a local VGGSound mirror; {@code is3}: the clips of an imported IS3 (each
 *                    instance keeps its own, off-screen clips come from the other categories' clips)
 * @param mirror      directory of the mirror's clip files (vggsound only)
 * @param index       the VGGSound index CSV, no header: {@code youtube_id,start_seconds,label,split}
 * @param clipPattern clip file name in the mirror; {@code {ytid}}, {@code {start}}, {@code {start:06d}},
 *                    {@code {start_ms}} and {@code {end_ms}} are replaced (datasets.md, VGGSound)
 * @param seconds     length of a positive clip (VGGSound clips are 10 s)
 * @param noiseLevel  standard deviation of the white-noise negative; 1.0 is the reference (datasets.md)
 */
public record AudioConfig(String source, Path mirror, Path index, String clipPattern, double seconds,
                          double noiseLevel) {

    public static final String SHAPES = "shapes";
    public static final String VGGSOUND = "vggsound";
    public static final String IS3 = "is3";
    public static final String DEFAULT_PATTERN = "{ytid}_{start:06d}.mp4";
    public static final double DEFAULT_SECONDS = 10.0;
    public static final double REFERENCE_NOISE_LEVEL = 1.0;

    public AudioConfig {
        if (!SHAPES.equals(source) && !VGGSOUND.equals(source) && !IS3.equals(source)) {
            throw new InputException("audio.source must be '" + SHAPES + "' or '" + VGGSOUND + "' (or '" + IS3
                    + "' for an imported IS3), got '" + source + "'");
        }
        if (IS3.equals(source) && mirror == null) {
            throw new InputException("audio.source is3 needs audio.mirror: the directory of the imported clips");
        }
        if (VGGSOUND.equals(source) && (mirror == null || index == null)) {
            throw new InputException("audio.source vggsound needs audio.mirror (the clip directory) and"
                    + " audio.index (the VGGSound CSV)");
        }
        if (clipPattern == null || !clipPattern.contains("{ytid}")) {
            throw new InputException("audio.clip_pattern must contain {ytid}, got '" + clipPattern + "'");
        }
        if (!(seconds > 0 && seconds <= 60)) {
            throw new InputException("audio.seconds must be in (0, 60], got " + seconds);
        }
        if (!(noiseLevel > 0 && noiseLevel <= 10)) {
            throw new InputException("audio.noise_level must be in (0, 10], got " + noiseLevel);
        }
        mirror = mirror == null ? null : mirror.toAbsolutePath().normalize();
        index = index == null ? null : index.toAbsolutePath().normalize();
    }

    /** Synthetic sound signatures, 10 s clips, reference noise level. */
    public static AudioConfig shapes() {
        return new AudioConfig(SHAPES, null, null, DEFAULT_PATTERN, DEFAULT_SECONDS, REFERENCE_NOISE_LEVEL);
    }

    public boolean isShapes() {
        return SHAPES.equals(source);
    }

    /** The mirror's file name of the clip {@code ytid} starting at {@code startSeconds}. */
    public String clipName(String ytid, int startSeconds) {
        long startMs = startSeconds * 1000L;
        return clipPattern.replace("{ytid}", ytid)
                .replace("{start:06d}", String.format("%06d", startSeconds))
                .replace("{start}", Integer.toString(startSeconds))
                .replace("{start_ms}", Long.toString(startMs))
                .replace("{end_ms}", Long.toString(startMs + Math.round(seconds * 1000)));
    }
}
