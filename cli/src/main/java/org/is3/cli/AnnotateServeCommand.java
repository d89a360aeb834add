package org.is3.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.is3.annotator.server.AnnotatorService;
import org.is3.db.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Run the annotator: web UI and JSON API (/api/v1/…) for verifying generated images and",
            "click-to-mask annotation, on the images the pipeline left in the database. Create accounts with",
            "'is3 annotate admin create-user'. Ctrl-C stops it; all submitted work is in the database."})
final class AnnotateServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    AnnotatorOptions annotator;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Interface to bind (default ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "7070", description = "Port; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int port;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        Database db = Database.start(home.databaseConfig());
        AnnotatorService service;
        try {
            service = AnnotatorService.start(annotator.config(host, port), db.dataSource(), home.home());
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        out.println("annotator  http://" + host + ":" + service.port() + "/  (segmenter " + service.config().segmenter()
                + ", overlap " + service.config().overlap() + "; database " + db.jdbcUrl() + ")");
        out.println("Ctrl-C to stop.");
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            db.close();
            stopped.countDown();
        }, "is3-shutdown"));
        stopped.await();
        return 0;
    }
}
