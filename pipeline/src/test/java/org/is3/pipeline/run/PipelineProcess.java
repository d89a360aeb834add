package org.is3.pipeline.run;

import java.nio.file.Path;
import java.time.Duration;
import org.is3.db.Database;
import org.is3.db.DatabaseConfig;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.broker.BrokerConfig;
import org.is3.pipeline.generate.GeneratorRegistry;
import org.is3.pipeline.plan.DemoRun;

/**
 * The pipeline in a JVM of its own, as {@code is3 pipeline demo} runs it: database, broker and routes
 * on {@code args[0]}, the demo run of {@code args[1]} images planned, then it waits to be killed.
 */
public final class PipelineProcess {

    static final int SIZE = 384;
    static final double SECONDS = 1.0;

    private PipelineProcess() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        Database db = Database.start(DatabaseConfig.embedded(home).withPort(0));
        Broker broker = Broker.start(BrokerConfig.embedded(home));
        PipelineRunner runner = PipelineRunner.start(db, broker, home, GeneratorRegistry.load(),
                new PipelineOptions(1, 3, Duration.ofMillis(10), Duration.ofMillis(50)));
        runner.plan(DemoRun.config(Integer.parseInt(args[1]), 3, SIZE, true, SECONDS));
        System.out.println("PLANNED");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
