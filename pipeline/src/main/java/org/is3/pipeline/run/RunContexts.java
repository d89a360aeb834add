package org.is3.pipeline.run;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.is3.pipeline.audio.AudioSources;
import org.is3.pipeline.audio.Pairing;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.generate.ImageFiles;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.plan.RunConfigReader;
import org.is3.pipeline.store.PipelineStore;

/**
 * What the stages of one process know about each run, built once from the run's stored config, so a
 * worker needs only the database and the broker: the config, its generator, its pairing (the audio
 * source is built on first use: a VGGSound index is large) and where its files go.
 */
final class RunContexts {

    private final PipelineStore store;
    private final GeneratorRegistry registry;
    private final Path home;
    private final Map<Long, RunConfig> configs = new ConcurrentHashMap<>();
    private final Map<Long, Generator> generators = new ConcurrentHashMap<>();
    private final Map<Long, Pairing> pairings = new ConcurrentHashMap<>();

    RunContexts(PipelineStore store, GeneratorRegistry registry, Path home) {
        this.store = store;
        this.registry = registry;
        this.home = home;
    }

    Path home() {
        return home;
    }

    RunConfig config(long runId) {
        return configs.computeIfAbsent(runId, id -> {
            String yaml = store.runConfig(id).orElseThrow(() -> new IllegalStateException(
                    "run " + id + " is not in the database"));
            return RunConfigReader.parse(yaml, null, "stored config of run " + id);
        });
    }

    Generator generator(long runId) {
        return generators.computeIfAbsent(runId, id -> registry.create(config(id)));
    }

    Pairing pairing(long runId) {
        return pairings.computeIfAbsent(runId, id -> {
            RunConfig c = config(id);
            return new Pairing(AudioSources.create(c), c.seed(), c.audio().noiseLevel());
        });
    }

    ImageFiles files(long runId) {
        return new ImageFiles(home, config(runId).name());
    }
}
