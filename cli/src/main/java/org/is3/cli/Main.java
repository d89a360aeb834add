package org.is3.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code is3} command. */
@Command(name = "is3",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Build, annotate and benchmark interactive sound-source localization datasets (IS3, IS3+).",
            ""},
        subcommands = {
            UpCommand.class,
            PipelineCommand.class,
            AnnotateCommand.class,
            EvalCommand.class,
            BenchCommand.class,
            GenerateCommand.class,
            TrainCommand.class,
            InferCommand.class,
            CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line without exiting the JVM; returns the exit code. */
    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams (tests capture them). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setExecutionExceptionHandler(new UserErrorHandler());
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
