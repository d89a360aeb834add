package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import org.is3.core.metrics.LocalizationProtocol;
import org.is3.eval.store.Benchmark;
import org.is3.eval.store.Benchmarks;
import org.is3.eval.store.NewBenchmark;
import org.is3.eval.store.Split;
import org.is3.eval.store.SplitPlan;
import org.is3.eval.store.SplitTruth;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "create-benchmark", mixinStandardHelpOptions = true,
        description = {"Import ground truth into the database as a benchmark; it is never served to anyone.",
            "All samples form the hidden 'test' split, except those listed by --dev-ids (the public 'dev'",
            "split, whose per-sample results a team sees) and --private-ids (the 'private' split, revealed",
            "when its phase closes). Each split keeps the ground truth's own sample order."})
final class AdminCreateBenchmarkCommand extends AdminCommand {

    @Option(names = "--name", required = true, paramLabel = "NAME",
            description = "Benchmark name, used in URLs: 1 to 64 letters, digits, '.', '_' or '-'.")
    String name;

    @Mixin
    GroundTruthOptions truth;

    @Option(names = "--protocol", defaultValue = "sslalign", paramLabel = "NAME",
            description = "Scoring protocol: sslalign | ezvsl | lvs | lvs-original (default ${DEFAULT-VALUE}).")
    String protocol;

    @Option(names = "--tau", defaultValue = "0.03", paramLabel = "T",
            description = "Extended benchmarks: heatmaps are cos/T (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--dev-ids", paramLabel = "FILE", description = "Ids that form the public dev split.")
    Path devIds;

    @Option(names = "--private-ids", paramLabel = "FILE", description = "Ids that form the private split.")
    Path privateIds;

    @Override
    public Integer call() {
        NewBenchmark.requireName(name);
        LocalizationProtocol scoring = LocalizationProtocol.fromName(protocol);
        List<SplitTruth> splits = SplitPlan.partition(truth.read(), devIds, privateIds);
        NewBenchmark spec = new NewBenchmark(name, truth.format(), scoring, tau, splits);
        Benchmark created = withDatabase(db -> new Benchmarks(db.dataSource()).create(spec));
        PrintWriter out = out();
        out.printf("benchmark '%s' created (%s, protocol %s, tau %s) with %d samples:%n", created.name(),
                created.gtFormat().cliName(), created.protocol().name(), created.tau(), created.samples());
        for (Split split : created.splits()) {
            out.printf("  %-8s %6d samples (%d negatives)%n", split.name(), split.samples(), split.negatives());
        }
        out.println("Add a phase to open it for submissions: is3 eval admin add-phase --benchmark " + created.name()
                + " --name NAME");
        out.flush();
        return 0;
    }
}
