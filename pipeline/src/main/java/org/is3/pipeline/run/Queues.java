package org.is3.pipeline.run;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import java.util.List;
import org.is3.pipeline.store.ImageKey;

/** Puts image messages on a stage's queue: one persistent message per image, all committed together. */
final class Queues {

    /** Message properties that name the image a stage works on. */
    static final String RUN_HEADER = "is3RunId";
    static final String BASE_HEADER = "is3Base";
    /** The JMS property that carries why a message was dead-lettered. */
    static final String REASON_HEADER = "is3FailureReason";

    private Queues() {
    }

    static void send(ConnectionFactory factory, String queue, List<ImageKey> images) {
        if (images.isEmpty()) {
            return;
        }
        try (Connection connection = factory.createConnection()) {
            Session session = connection.createSession(true, Session.SESSION_TRANSACTED);
            MessageProducer producer = session.createProducer(session.createQueue(queue));
            producer.setDeliveryMode(DeliveryMode.PERSISTENT);
            for (ImageKey image : images) {
                Message m = session.createTextMessage(image.base());
                m.setLongProperty(RUN_HEADER, image.runId());
                m.setStringProperty(BASE_HEADER, image.base());
                producer.send(m);
            }
            session.commit();
        } catch (JMSException e) {
            throw new IllegalStateException("queueing " + images.size() + " images on " + queue + " failed: "
                    + e.getMessage(), e);
        }
    }
}
