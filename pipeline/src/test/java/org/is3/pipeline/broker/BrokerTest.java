package org.is3.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrokerTest {

    private static final long RECEIVE_MILLIS = 10_000;

    @TempDir
    Path home;

    @Test
    void persistentMessagesOnADurableQueueSurviveABrokerRestart() throws Exception {
        int count = 50;
        try (Broker broker = Broker.start(BrokerConfig.embedded(home));
             Connection connection = broker.connectionFactory().createConnection()) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue("is3.test.work"));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (int i = 0; i < count; i++) {
                producer.send(session.createTextMessage("image-" + i));
            }
        }
        assertTrue(Files.isDirectory(home.resolve("broker/journal")), "journal under <home>/broker");

        Set<String> received = new HashSet<>();
        try (Broker broker = Broker.start(BrokerConfig.embedded(home));
             Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue("is3.test.work"));
            for (int i = 0; i < count; i++) {
                TextMessage message = (TextMessage) consumer.receive(RECEIVE_MILLIS);
                assertNotNull(message, "message " + i + " of " + count + " lost in the restart");
                received.add(message.getText());
            }
            assertNull(consumer.receiveNoWait(), "no message delivered twice");
        }
        assertEquals(count, received.size());
        assertTrue(received.contains("image-0") && received.contains("image-" + (count - 1)));
    }

    @Test
    void aMessageRolledBackMaxDeliveryAttemptsTimesLandsInTheDeadLetterQueueWithItsProperties()
            throws Exception {
        Redelivery redelivery = new Redelivery(3, Duration.ofMillis(10), 2.0, Duration.ofMillis(50));
        try (Broker broker = Broker.start(BrokerConfig.embedded(home).withRedelivery(redelivery));
             Connection connection = broker.connectionFactory().createConnection()) {
            connection.start();
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            Queue work = session.createQueue("is3.test.generate");
            Message sent = session.createTextMessage("{\"image\":\"dog_guitar_3\"}");
            sent.setStringProperty("imageId", "dog_guitar_3");
            sent.setStringProperty("reason", "generator out of memory");
            session.createProducer(work).send(sent);
            session.commit();

            MessageConsumer worker = session.createConsumer(work);
            for (int attempt = 1; attempt <= redelivery.maxDeliveryAttempts(); attempt++) {
                Message delivered = worker.receive(RECEIVE_MILLIS);
                assertNotNull(delivered, "delivery " + attempt);
                assertEquals(attempt, delivered.getIntProperty("JMSXDeliveryCount"));
                session.rollback();
            }
            assertNull(worker.receive(300), "no delivery after the last attempt");

            MessageConsumer dead = session.createConsumer(session.createQueue(Broker.DEAD_LETTER_ADDRESS));
            Message letter = dead.receive(RECEIVE_MILLIS);
            assertNotNull(letter, "the message is in " + Broker.DEAD_LETTER_ADDRESS);
            assertEquals("dog_guitar_3", letter.getStringProperty("imageId"));
            assertEquals("generator out of memory", letter.getStringProperty("reason"));
            assertEquals("is3.test.generate", letter.getStringProperty("_AMQ_ORIG_QUEUE"));
            assertEquals("{\"image\":\"dog_guitar_3\"}", ((TextMessage) letter).getText());
            session.commit();
        }
    }

    @Test
    void aSecondProcessOnTheSameHomeJoinsTheRunningBrokerOverItsTcpAcceptor() throws Exception {
        BrokerConfig config = BrokerConfig.embedded(home).withTcpAcceptor("127.0.0.1", freePort());
        try (Broker embedded = Broker.start(config)) {
            InputException refused = assertThrows(InputException.class,
                    () -> Broker.start(BrokerConfig.embedded(home)));
            assertTrue(refused.getMessage().contains("is in use by another running broker"), refused.getMessage());
            try (Broker remote = Broker.join(BrokerConfig.embedded(home));
                 Connection connection = remote.connectionFactory().createConnection()) {
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                session.createProducer(session.createQueue("is3.test.remote"))
                        .send(session.createTextMessage("from a GPU host"));
            }
            try (Connection connection = embedded.connectionFactory().createConnection()) {
                connection.start();
                Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
                Message message = session.createConsumer(session.createQueue("is3.test.remote"))
                        .receive(RECEIVE_MILLIS);
                assertEquals("from a GPU host", ((TextMessage) message).getText());
            }
        }
    }

    @Test
    void aTcpPortInUseIsNamed() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            BrokerConfig config = BrokerConfig.embedded(home)
                    .withTcpAcceptor("127.0.0.1", taken.getLocalPort());
            InputException e = assertThrows(InputException.class, () -> Broker.start(config));
            assertTrue(e.getMessage().contains("tcp://127.0.0.1:" + taken.getLocalPort() + " is in use"),
                    e.getMessage());
        }
        try (Broker broker = Broker.start(BrokerConfig.embedded(home))) {
            assertEquals("", broker.remoteUrl(), "the failed start left the journal usable");
        }
    }

    @Test
    void aBrokerDirectoryThatIsAFileIsNamed() throws Exception {
        Files.writeString(home.resolve("broker"), "not a directory");
        InputException e = assertThrows(InputException.class,
                () -> Broker.start(BrokerConfig.embedded(home)));
        assertEquals("broker directory " + home.resolve("broker") + " exists but is not a directory",
                e.getMessage());
    }

    @Test
    void anExternalUrlWhereNoBrokerAnswersIsNamed() throws Exception {
        String url = "tcp://127.0.0.1:" + freePort();
        InputException e = assertThrows(InputException.class,
                () -> Broker.start(BrokerConfig.external(url)));
        assertTrue(e.getMessage().startsWith("no Artemis broker answers at broker URL '" + url + "'"),
                e.getMessage());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
