package org.is3.trainer.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.is3.core.InputException;
import org.is3.core.audio.SpectrogramPreset;
import org.is3.core.audio.Waveform;
import org.is3.models.media.ClipDecoder;

/**
 * A VGGSound-style mirror: the index CSV (no header, {@code youtube_id,start_seconds,label,split},
 * quoted labels may hold commas; datasets.md "VGGSound") and a directory of 10-s clip files named
 * {@code <ytid>_<start:06d>.<ext>} (VGG-SS, EZ-VSL, SLAVC) or {@code <ytid>_<start_ms>_<end_ms>.<ext>}
 * (SSL-Align). Each example is the frame in the middle of the clip (5 s into a 10-s clip) and the clip's audio decoded to
 * 16 kHz mono with FFmpeg ({@link ClipDecoder}). Rows of other splits and rows whose clip is absent
 * are skipped; {@link #skipped()} says how many were missing.
 */
public final class VggSoundSource implements AvSource {

    /** How clip files are named. */
    public enum Naming {
        /** {@code <ytid>_<start:06d>} */
        PADDED,
        /** {@code <ytid>_<start_ms>_<end_ms>} */
        MILLIS;

        String name(String ytid, int start) {
            return this == PADDED ? ytid + "_" + String.format("%06d", start)
                    : ytid + "_" + start * 1000 + "_" + (start + 10) * 1000;
        }
    }

    private static final List<String> EXTENSIONS = List.of(".mp4", ".mkv", ".webm", ".avi", ".mov");
    private static final double FRAME_SECONDS = 5.0;

    private final List<String> ids;
    private final List<Path> files;
    private final int skipped;
    private final Path index;

    private VggSoundSource(Path index, List<String> ids, List<Path> files, int skipped) {
        this.index = index;
        this.ids = List.copyOf(ids);
        this.files = List.copyOf(files);
        this.skipped = skipped;
    }

    /** The rows of {@code split} (null = all) whose clip exists under {@code clips}. */
    public static VggSoundSource open(Path index, Path clips, Naming naming, String split) {
        List<String> lines;
        try {
            lines = Files.readAllLines(index);
        } catch (IOException e) {
            throw new InputException(index + ": cannot read the VGGSound index (" + e.getMessage() + ")", e);
        }
        List<String> ids = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        int skipped = 0;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            List<String> f = csv(lines.get(i));
            if (f.size() < 4) {
                throw new InputException(index + ": line " + (i + 1) + " has " + f.size()
                        + " fields, expected youtube_id,start_seconds,label,split");
            }
            if (split != null && !split.equals(f.get(3).trim())) {
                continue;
            }
            int start;
            try {
                start = Integer.parseInt(f.get(1).trim());
            } catch (NumberFormatException e) {
                throw new InputException(index + ": line " + (i + 1) + ": start_seconds '" + f.get(1)
                        + "' is not an integer");
            }
            String id = naming.name(f.get(0).trim(), start);
            Path file = find(clips, id);
            if (file == null) {
                skipped++;
            } else {
                ids.add(id);
                files.add(file);
            }
        }
        return new VggSoundSource(index, ids, files, skipped);
    }

    /** Rows whose clip file was not found. */
    public int skipped() {
        return skipped;
    }

    @Override
    public int size() {
        return ids.size();
    }

    @Override
    public AvExample get(int i) {
        Path file = files.get(i);
        Waveform audio = ClipDecoder.audio(file, SpectrogramPreset.SAMPLE_RATE);
        // the middle frame of a 10-s clip; of a shorter one, its own middle
        return new AvExample(ids.get(i), ClipDecoder.frame(file, Math.min(FRAME_SECONDS, audio.seconds() / 2)), audio);
    }

    private static Path find(Path clips, String id) {
        for (String ext : EXTENSIONS) {
            Path p = clips.resolve(id + ext);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }

    /** One CSV line: comma-separated, fields optionally in double quotes with "" for a quote. */
    static List<String> csv(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        out.add(cur.toString());
        return out;
    }

    @Override
    public String describe() {
        return "VGGSound index " + index + ": " + ids.size() + " clips (" + skipped + " listed clips missing)";
    }
}
