package org.is3.pipeline.broker;

import jakarta.jms.Connection;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import java.nio.file.Path;

/**
 * A broker in a JVM of its own, as {@code is3 up} runs it. Modes: {@code hold} starts the broker,
 * prints {@code READY} and waits to be killed; {@code start-stop} starts it, passes one message,
 * closes it, prints the times and every non-daemon thread still alive, and returns from main.
 */
public final class BrokerProcess {

    private BrokerProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        BrokerConfig config = BrokerConfig.embedded(Path.of(args[1]));
        long started = System.nanoTime();
        Broker broker = Broker.start(config);
        System.out.println("STARTED_MS " + (System.nanoTime() - started) / 1_000_000);
        if (mode.equals("hold")) {
            System.out.println("READY");
            System.out.flush();
            Thread.sleep(Long.MAX_VALUE);
        }
        roundTrip(broker);
        long closing = System.nanoTime();
        broker.close();
        System.out.println("CLOSED_MS " + (System.nanoTime() - closing) / 1_000_000);
        Thread.sleep(200);
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !thread.isDaemon() && thread != Thread.currentThread()
                    && !thread.getName().equals("DestroyJavaVM")) {
                System.out.println("THREAD " + thread.getName());
            }
        }
        System.out.flush();
    }

    private static void roundTrip(Broker broker) throws Exception {
        try (Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            Queue queue = session.createQueue("is3.process.check");
            session.createProducer(queue).send(session.createTextMessage("ping"));
            MessageConsumer consumer = session.createConsumer(queue);
            Message message = consumer.receive(10_000);
            if (message == null) {
                throw new IllegalStateException("the message sent to is3.process.check never came back");
            }
        }
    }
}
