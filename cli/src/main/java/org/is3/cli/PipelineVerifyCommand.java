package org.is3.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.is3.pipeline.export.ReleaseVerifier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Check a release directory against its manifest.json (sizes, SHA-256, unlisted files); exit 1 on any problem.")
final class PipelineVerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--release", required = true, paramLabel = "DIR", description = "The release directory.")
    Path release;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<String> problems = ReleaseVerifier.verify(release.toAbsolutePath());
        problems.forEach(p -> out.println("PROBLEM " + p));
        out.println(problems.isEmpty() ? release + ": every file matches the manifest"
                : release + ": " + problems.size() + " problems");
        return problems.isEmpty() ? 0 : 1;
    }
}
