package org.is3.pipeline.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.is3.core.InputException;
import org.is3.core.audio.Wav;
import org.is3.core.audio.Waveform;
import org.is3.pipeline.audio.PairedAudio.Kind;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.CategorySource;
import org.is3.pipeline.plan.RunConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pairing from a local VGGSound mirror: index CSV (quoted labels, no header) + clip files decoded by FFmpeg. */
class VggSoundPairingTest {

    @TempDir
    Path dir;

    private RunConfig config;

    @BeforeEach
    void mirror() throws Exception {
        Path clips = Files.createDirectories(dir.resolve("clips"));
        List<String> index = List.of(
                "dogA,10,dog barking,test",
                "dogB,20,dog barking,train",
                "pianoA,0,playing piano,test",
                "bellA,30,\"church bell, ringing\",test",
                "gone,40,playing piano,test");
        Files.write(dir.resolve("vggsound.csv"), index);
        tone(clips.resolve("dogA_000010.wav"), 300, 44_100);
        tone(clips.resolve("dogB_000020.wav"), 320, 16_000);
        tone(clips.resolve("pianoA_000000.wav"), 500, 22_050);
        tone(clips.resolve("bellA_000030.wav"), 800, 16_000);
        Files.write(dir.resolve("classes.txt"), List.of("dog barking", "playing piano", "church bell, ringing"));
        config = RunConfig.of("vgg", 9, CategorySource.file(dir.resolve("classes.txt")))
                .withAudio(new AudioConfig(AudioConfig.VGGSOUND, clips, dir.resolve("vggsound.csv"),
                        "{ytid}_{start:06d}.wav", 2.0, 1.0));
    }

    @Test
    void positivesComeFromTheirLabelAndOffscreenFromTheThirdClass() {
        AudioSource source = AudioSources.create(config);
        assertEquals(List.of("dogbarking", "playingpiano", "churchbellringing"), source.categories());
        Pairing pairing = new Pairing(source, 9, 1.0);
        List<PairedAudio> clips = pairing.pair("dogbarking_playingpiano_0_dogbarking", "dogbarking", "playingpiano");
        assertEquals(List.of(Kind.POSITIVE, Kind.SILENCE, Kind.NOISE, Kind.OFFSCREEN),
                clips.stream().map(PairedAudio::kind).toList());
        PairedAudio positive = clips.get(0);
        assertTrue(Set.of("dogA", "dogB").contains(positive.provenance().get("ytid")), positive.provenance().toString());
        assertEquals(32_000, positive.wave().length(), "cut to 2 s at 16 kHz");
        assertEquals(16_000, positive.wave().sampleRate());
        PairedAudio off = clips.get(3);
        assertEquals("churchbellringing", off.category());
        assertEquals("bellA", off.provenance().get("ytid"));
        assertEquals("church bell, ringing", off.provenance().get("label"));
        assertEquals(32_000, clips.get(2).wave().length(), "noise has the positive's length");

        List<PairedAudio> again = new Pairing(AudioSources.create(config), 9, 1.0)
                .pair("dogbarking_playingpiano_0_dogbarking", "dogbarking", "playingpiano");
        for (int i = 0; i < 4; i++) {
            assertEquals(clips.get(i).provenance(), again.get(i).provenance());
            assertArrayEquals(clips.get(i).wave().samples(), again.get(i).wave().samples());
        }
        List<PairedAudio> otherSeed = new Pairing(source, 10, 1.0)
                .pair("dogbarking_playingpiano_0_dogbarking", "dogbarking", "playingpiano");
        assertNotEquals(clips.get(2).provenance().get("seed"), otherSeed.get(2).provenance().get("seed"));
    }

    @Test
    void aCategoryWithoutClipsAndAMissingMirrorAreNamed() throws Exception {
        Files.delete(dir.resolve("clips/bellA_000030.wav"));
        Pairing pairing = new Pairing(AudioSources.create(config), 9, 1.0);
        InputException noOff = assertThrows(InputException.class,
                () -> pairing.pair("dogbarking_playingpiano_0_dogbarking", "dogbarking", "playingpiano"));
        assertTrue(noOff.getMessage().contains("no off-screen category"), noOff.getMessage());
        InputException noClip = assertThrows(InputException.class,
                () -> pairing.pair("churchbellringing_dogbarking_1_churchbellringing", "churchbellringing", "dogbarking"));
        assertTrue(noClip.getMessage().contains("has no clip of category 'churchbellringing'"), noClip.getMessage());
        RunConfig missing = config.withAudio(new AudioConfig(AudioConfig.VGGSOUND, dir.resolve("nowhere"),
                dir.resolve("vggsound.csv"), "{ytid}_{start:06d}.wav", 2.0, 1.0));
        InputException e = assertThrows(InputException.class, () -> AudioSources.create(missing));
        assertTrue(e.getMessage().contains("nowhere is not a directory"), e.getMessage());
        Files.write(dir.resolve("bad.csv"), List.of("youtube_id,start_seconds,label,split"));
        RunConfig header = config.withAudio(new AudioConfig(AudioConfig.VGGSOUND, dir.resolve("clips"),
                dir.resolve("bad.csv"), "{ytid}_{start:06d}.wav", 2.0, 1.0));
        InputException h = assertThrows(InputException.class, () -> AudioSources.create(header));
        assertTrue(h.getMessage().contains("bad.csv line 1: start_seconds 'start_seconds' is not a whole number"),
                h.getMessage());
    }

    @Test
    void clipNamesFollowBothNamingSchemes() {
        AudioConfig zero = new AudioConfig(AudioConfig.SHAPES, null, null, "{ytid}_{start:06d}.mp4", 10, 1);
        assertEquals("abc_000030.mp4", zero.clipName("abc", 30));
        AudioConfig ms = new AudioConfig(AudioConfig.SHAPES, null, null, "{ytid}_{start_ms}_{end_ms}.flac", 10, 1);
        assertEquals("abc_30000_40000.flac", ms.clipName("abc", 30));
    }

    private static void tone(Path file, double hz, int rate) {
        float[] s = new float[rate * 3];
        for (int i = 0; i < s.length; i++) {
            s[i] = (float) (0.3 * Math.sin(2 * Math.PI * hz * i / rate));
        }
        Wav.write(file, new Waveform(s, rate));
    }
}
