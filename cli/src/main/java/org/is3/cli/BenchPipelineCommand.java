package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.generate.GeneratedImage;
import org.is3.pipeline.generate.Generator;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.generate.ImageFiles;
import org.is3.pipeline.plan.DemoRun;
import org.is3.pipeline.plan.PlannedImage;
import org.is3.pipeline.plan.Planner;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.run.PipelineOptions;
import org.is3.pipeline.run.PipelineRunner;
import org.is3.pipeline.store.ImageState;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = {"Measure the shapes generator and the pipeline's overhead per image on a throw-away home:",
            "1) generator alone, 2) + PNG files, 3) through the generate route (broker + DB), 4) the whole",
            "machine flow with auto-annotation and audio pairing. Overhead = (3) − (2) per image."})
final class BenchPipelineCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--images", defaultValue = "60", description = "Images per measurement (default ${DEFAULT-VALUE}).")
    int images;

    @Option(names = "--size", defaultValue = "512", description = "Image side (default ${DEFAULT-VALUE}).")
    int size;

    @Option(names = "--dir", defaultValue = "${java.io.tmpdir}/is3-bench-pipeline", paramLabel = "DIR",
            description = "Throw-away home (default ${DEFAULT-VALUE}); emptied first.")
    Path dir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        BenchData.deleteTree(dir);
        Files.createDirectories(dir);
        RunConfig gen = DemoRun.config(images, 1, size, false, 10).withAutoAnnotate(false);
        Generator generator = GeneratorRegistry.load().create(gen);
        List<PlannedImage> planned = Planner.plan(gen);
        generator.generate(planned.get(0));
        long t0 = System.nanoTime();
        for (PlannedImage p : planned) {
            generator.generate(p);
        }
        double genMs = ms(t0) / planned.size();
        ImageFiles files = new ImageFiles(dir, "files-only");
        for (PlannedImage p : planned.subList(0, Math.min(10, planned.size()))) {
            files.write("warm-" + p.base(), generator.generate(p));
        }
        t0 = System.nanoTime();
        for (PlannedImage p : planned) {
            GeneratedImage g = generator.generate(p);
            files.write(p.base(), g);
        }
        double filesMs = ms(t0) / planned.size();
        out.printf("shapes generator, %d×%d: %.1f ms/image (%.1f images/s); with PNG image + masks written:"
                + " %.1f ms/image (%.1f images/s)%n", size, size, genMs, 1000 / genMs, filesMs, 1000 / filesMs);
        out.flush();
        try (Database db = Database.start(DatabaseConfig.embedded(dir).withPort(0));
             Broker broker = Broker.start(BrokerConfig.embedded(dir));
             PipelineRunner runner = PipelineRunner.start(db, broker, dir, GeneratorRegistry.load(),
                     PipelineOptions.DEFAULT)) {
            double routeMs = timed(runner, gen.withLimit(images));
            out.printf("generate route (1 consumer; JMS + PostgreSQL + files): %.1f ms/image (%.1f images/s);"
                    + " pipeline overhead %.1f ms/image%n", routeMs, 1000 / routeMs, routeMs - filesMs);
            RunConfig all = DemoRun.config(images, 2, size, true, 10);
            double fullMs = timed(runner, all);
            out.printf("whole machine flow (generate, auto-annotate, pair 8 × 10 s clips per image): %.1f ms/image"
                    + " (%.1f images/s)%n", fullMs, 1000 / fullMs);
        }
        BenchData.deleteTree(dir);
        return 0;
    }

    private static double timed(PipelineRunner runner, RunConfig config) throws InterruptedException {
        long t0 = System.nanoTime();
        long run = runner.plan(config);
        if (!runner.awaitIdle(run, Duration.ofHours(1))) {
            throw new IllegalStateException("benchmark run " + config.name() + " did not finish");
        }
        int done = runner.counts(run).count(config.autoAnnotate() ? ImageState.PAIRED : ImageState.GENERATED);
        return ms(t0) / done;
    }

    private static double ms(long t0) {
        return (System.nanoTime() - t0) / 1e6;
    }
}
