package org.is3.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.is3.annotator.server.AnnotatorService;
import org.is3.db.Database;
import org.is3.db.servicestart.ServiceStartRepository;
import org.is3.eval.server.EvalService;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.plan.AudioConfig;
import org.is3.pipeline.plan.DemoRun;
import org.is3.pipeline.plan.RunConfig;
import org.is3.pipeline.run.PipelineRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "up", mixinStandardHelpOptions = true,
        description = {"Start everything on embedded defaults (the main job); Ctrl-C stops it.",
            "Runs the Artemis broker (journal under <home>/broker), PostgreSQL (data under <home>/pg, kept",
            "across restarts, migrations applied), the pipeline on the demo configuration (shapes images that",
            "wait for annotators), the eval server with its scoring workers and the annotator, and prints",
            "where each one is."})
final class UpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    EvalServeCommand.EvalServerOptions evalServer;

    @Option(names = "--broker-port", defaultValue = "" + BrokerConfig.DEFAULT_TCP_PORT,
            description = "TCP port of the embedded broker on 127.0.0.1, for `pipeline` commands and workers;"
                    + " 0 for in-process clients only (default ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--demo-images", defaultValue = "" + DemoRun.DEFAULT_IMAGES,
            description = "Images of the demo run planned at start (shapes world, not auto-annotated); 0 for none"
                    + " (default ${DEFAULT-VALUE}).")
    int demoImages;

    @Mixin
    AnnotatorOptions annotator;

    @Option(names = "--annotate-port", defaultValue = "7070",
            description = "Port of the annotator on --host; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int annotatePort;

    @Option(names = "--check", description = "Start everything, check every health endpoint, stop, and exit 0 if all were healthy.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        out.println("is3 up — home " + home.home().toAbsolutePath());
        out.flush();
        Broker broker;
        Database db;
        PipelineRunner pipeline;
        EvalService eval;
        AnnotatorService annotate;
        Services running = new Services();
        try {
            BrokerConfig brokerConfig = BrokerConfig.embedded(home.home());
            broker = running.add(Broker.start(brokerPort == 0 ? brokerConfig
                    : brokerConfig.withTcpAcceptor(BrokerConfig.DEFAULT_TCP_HOST, brokerPort)));
            db = running.add(Database.start(home.databaseConfig()));
            new ServiceStartRepository(db).record("up", hostName(), Main.class.getPackage().getImplementationVersion());
            pipeline = running.add(PipelineRunner.start(db, broker, home.home()));
            eval = running.add(EvalService.start(evalServer.config(home.home()), db.dataSource(), evalServer.workers,
                    evalServer.lease));
            annotate = running.add(AnnotatorService.start(annotator.config(evalServer.host, annotatePort),
                    db.dataSource(), home.home()));
        } catch (RuntimeException e) {
            running.close();
            throw e;
        }
        RunConfig demo = demoImages > 0 ? DemoRun.config(demoImages, 0, DemoRun.DEFAULT_SIZE, false,
                AudioConfig.DEFAULT_SECONDS) : null;
        long demoRun = demo == null ? -1 : pipeline.plan(demo);
        String evalUrl = "http://" + evalServer.host + ":" + eval.port();
        String annotateUrl = "http://" + evalServer.host + ":" + annotate.port();
        out.println("  broker       embedded ActiveMQ Artemis, journal " + broker.config().brokerDirectory()
                + (brokerPort == 0 ? " (in-process clients only)" : ", workers connect to " + broker.remoteUrl()));
        out.println("  database     " + (db.embedded() ? "embedded PostgreSQL at " : "PostgreSQL at ") + db.jdbcUrl()
                + " (migrations applied)");
        out.println("  eval server  " + evalUrl + "/  (leaderboards; API docs at /swagger; health at /health; "
                + eval.workers() + " scoring worker" + (eval.workers() == 1 ? "" : "s") + ")");
        out.println("  annotator    " + annotateUrl + "/  (verify and annotate; health at /health; accounts:"
                + " `is3 annotate admin create-user --name N --role R`)");
        if (demo != null) {
            out.println("  pipeline     demo run " + demo.name() + ": " + demoImages + " shapes images; generated images"
                    + " wait for verification and annotation; `is3 pipeline status` shows where they are");
        }
        out.flush();
        if (check) {
            boolean healthy = healthy(evalUrl + "/health", out) & healthy(annotateUrl + "/health", out);
            if (demo != null) {
                boolean idle = pipeline.awaitIdle(demoRun, Duration.ofSeconds(120));
                PipelineSession.printCounts(out, demo.name(), pipeline.counts(demoRun));
                healthy &= idle && pipeline.counts(demoRun).failed() == 0;
            }
            running.close();
            return healthy ? 0 : 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.err.println("is3: stopping …");
            running.close();
            System.err.println("is3: stopped");
            stopped.countDown();
        }, "is3-shutdown"));
        out.println("Ctrl-C to stop.");
        out.flush();
        stopped.await();
        return 0;
    }

    private static boolean healthy(String url, PrintWriter out) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            out.println("  check        " + url + " → " + r.statusCode() + " " + r.body());
            return r.statusCode() == 200;
        } catch (java.io.IOException e) {
            out.println("  check        " + url + " → unreachable: " + e.getMessage());
            return false;
        }
    }

    /** What `up` started, closed in reverse order: the last started stops first. */
    private static final class Services implements AutoCloseable {
        private final java.util.ArrayDeque<AutoCloseable> started = new java.util.ArrayDeque<>();

        <T extends AutoCloseable> T add(T service) {
            started.push(service);
            return service;
        }

        @Override
        public void close() {
            while (!started.isEmpty()) {
                AutoCloseable c = started.pop();
                try {
                    c.close();
                } catch (Exception e) {
                    System.err.println("is3: stopping " + c.getClass().getSimpleName() + " failed: " + e.getMessage());
                }
            }
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
