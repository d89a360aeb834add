package org.is3.cli;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.QueueBrowser;
import jakarta.jms.Session;
import java.io.PrintWriter;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import org.is3.core.InputException;
import org.is3.pipeline.broker.Broker;
import org.is3.pipeline.store.PipelineStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Images per state of every run (or one), and the dead-letter queue grouped by reason.")
final class PipelineStatusCommand implements Callable<Integer> {
    private static final int SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Mixin
    HomeOptions home;

    @Mixin
    BrokerOptions broker;

    @Option(names = "--run", paramLabel = "NAME", description = "Only this run.")
    String run;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (PipelineSession s = PipelineSession.open(home, broker, 0)) {
            PipelineStore store = new PipelineStore(s.database.dataSource());
            Map<Long, String> all = store.runs();
            Map<Long, String> runs = all;
            if (run != null) {
                long id = store.runId(run).orElseThrow(() -> new InputException("no pipeline run named '" + run
                        + "'; known runs: " + all.values()));
                runs = Map.of(id, run);
            }
            out.println(runs.isEmpty() ? "no pipeline runs yet" : "runs:");
            runs.forEach((id, name) -> PipelineSession.printCounts(out, name, store.counts(id)));
            deadLetters(s.broker, out);
        }
        return 0;
    }

    /** Browses (does not consume) the dead-letter queue and counts its messages by reason. */
    private static void deadLetters(Broker broker, PrintWriter out) throws Exception {
        Map<String, Integer> byReason = new TreeMap<>();
        Map<String, String> example = new TreeMap<>();
        int total = 0;
        try (Connection c = broker.connectionFactory().createConnection()) {
            c.start();
            Session session = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            try (QueueBrowser browser = session.createBrowser(session.createQueue(Broker.DEAD_LETTER_ADDRESS))) {
                Enumeration<?> e = browser.getEnumeration();
                while (e.hasMoreElements()) {
                    Message m = (Message) e.nextElement();
                    String reason = m.getStringProperty("is3FailureReason");
                    reason = reason == null ? "(no reason recorded)" : reason;
                    byReason.merge(reason, 1, Integer::sum);
                    example.putIfAbsent(reason, m.getStringProperty("is3Base"));
                    total++;
                }
            }
        }
        out.println("dead-letter queue: " + total + (total == 1 ? " message" : " messages"));
        byReason.entrySet().stream().limit(SHOWN).forEach(r -> out.println("  " + r.getValue() + " × " + r.getKey()
                + (example.get(r.getKey()) == null ? "" : "  (e.g. " + example.get(r.getKey()) + ")")));
        if (byReason.size() > SHOWN) {
            out.println("  … and " + (byReason.size() - SHOWN) + " more reasons");
        }
    }
}
