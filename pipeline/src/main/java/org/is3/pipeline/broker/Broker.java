package org.is3.pipeline.broker;

import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.activemq.artemis.api.core.client.ActiveMQClient;
import org.apache.activemq.artemis.core.remoting.impl.invm.InVMConnector;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.is3.core.InputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The message broker the pipeline routes through: an embedded ActiveMQ Artemis server with its
 * journal under {@code <home>/broker}, or a connection to an external one (architecture.md,
 * Running). Queues are durable and messages persistent, so work survives a restart; a message
 * whose consumer keeps rolling back goes to {@link #DEAD_LETTER_ADDRESS} with its properties.
 *
 * <p>{@link #close()} stops the server and, when the last broker of the JVM closes, Artemis's
 * global client thread pools, without which the JVM lingers for a minute after stop (stack.md).
 */
public final class Broker implements AutoCloseable {

    /** Where messages go after {@link Redelivery#maxDeliveryAttempts()} failed deliveries. */
    public static final String DEAD_LETTER_ADDRESS = "DLQ";
    /** Where expired messages go. */
    public static final String EXPIRY_ADDRESS = "ExpiryQueue";
    /** The addresses the {@link Redelivery} settings apply to: every is3 queue is named is3.… */
    public static final String IS3_ADDRESSES = "is3.#";

    private static final Logger LOG = LoggerFactory.getLogger(Broker.class);
    private static final AtomicInteger SERVER_IDS = new AtomicInteger();
    private static final AtomicInteger OPEN = new AtomicInteger();

    private final BrokerConfig config;
    private final EmbeddedActiveMQ server;
    private final ActiveMQConnectionFactory factory;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Broker(BrokerConfig config, EmbeddedActiveMQ server, ActiveMQConnectionFactory factory) {
        this.config = config;
        this.server = server;
        this.factory = factory;
    }

    /**
     * Starts the embedded broker, or checks that the external one answers.
     *
     * @throws InputException for a broker directory that is not a writable directory, a journal
     *     in use by another running broker, a TCP port in use, or an external URL no broker answers
     */
    public static Broker start(BrokerConfig config) {
        OPEN.incrementAndGet();
        try {
            Broker broker = config.embedded() ? startEmbedded(config) : connectExternal(config);
            LOG.info("broker ready: {}", broker.describe());
            return broker;
        } catch (RuntimeException e) {
            releaseClientThreads();
            throw e;
        }
    }

    /**
     * Like {@link #start}, except that an embedded journal already served by another live is3 with
     * a TCP acceptor (as {@code is3 up} has) is joined as an external client instead of refused: for
     * commands such as {@code is3 pipeline run} that must work whether or not {@code up} is running.
     */
    public static Broker join(BrokerConfig config) {
        if (config.embedded()) {
            BrokerDirectory directory = BrokerDirectory.prepare(config.brokerDirectory());
            if (directory.lockedByAnotherBroker()) {
                String url = directory.ownerUrl().orElseThrow(() -> directory.inUse(null));
                LOG.info("journal {} is served by another running is3; joining its broker at {}",
                        config.brokerDirectory(), url);
                return start(BrokerConfig.external(url));
            }
        }
        return start(config);
    }

    /**
     * Jakarta JMS connections to this broker: in-VM for an embedded broker, TCP for an external
     * one. Sessions are the caller's; close them before {@link #close()}.
     */
    public ConnectionFactory connectionFactory() {
        return factory;
    }

    public BrokerConfig config() {
        return config;
    }

    /**
     * The URL a remote worker passes as its broker URL: the TCP acceptor of an embedded broker
     * (empty when it has none) or the external URL.
     */
    public String remoteUrl() {
        if (!config.embedded()) {
            return config.url();
        }
        return config.tcpPort() == 0 ? "" : EmbeddedConfiguration.tcpUrl(config);
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        factory.close();
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.warn("broker stop failed: {}: {}", describe(), e.toString());
            }
        }
        releaseClientThreads();
        LOG.info("broker stopped: {}", describe());
    }

    private static Broker startEmbedded(BrokerConfig config) {
        BrokerDirectory directory = BrokerDirectory.prepare(config.brokerDirectory());
        int serverId = SERVER_IDS.incrementAndGet();
        EmbeddedActiveMQ server = new EmbeddedActiveMQ();
        try {
            server.setConfiguration(EmbeddedConfiguration.of(config, serverId)).start();
        } catch (Exception e) {
            stopQuietly(server);
            throw startFailure(config, directory, e);
        }
        // Artemis logs a held journal lock or an unbindable acceptor and returns from start()
        // with a server that is not active; it throws for neither.
        if (!server.getActiveMQServer().isActive()) {
            stopQuietly(server);
            throw startFailure(config, directory, null);
        }
        directory.recordOwner(config.tcpPort() == 0 ? "" : EmbeddedConfiguration.tcpUrl(config));
        return new Broker(config, server,
                new ActiveMQConnectionFactory(EmbeddedConfiguration.inVmUrl(serverId)));
    }

    /** Names why the server did not come up, probing after it has been stopped. */
    private static InputException startFailure(BrokerConfig config, BrokerDirectory directory,
                                               Exception cause) {
        if (directory.lockedByAnotherBroker()) {
            return directory.inUse(cause);
        }
        if (config.tcpPort() != 0 && !TcpPort.canBind(config.tcpHost(), config.tcpPort())) {
            return new InputException("broker TCP port " + EmbeddedConfiguration.tcpUrl(config)
                    + " is in use by another program, or " + config.tcpHost()
                    + " is not an address of this machine; choose another port, or 0 for"
                    + " in-VM clients only", cause);
        }
        return new InputException("broker on " + directory.path() + " did not start"
                + (cause == null ? " (see the log above)" : ": " + cause), cause);
    }

    private static Broker connectExternal(BrokerConfig config) {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(config.url());
        try (Connection probe = factory.createConnection()) {
            probe.getMetaData();
        } catch (JMSException e) {
            factory.close();
            throw new InputException("no Artemis broker answers at broker URL '" + config.url()
                    + "': " + e.getMessage(), e);
        }
        return new Broker(config, null, factory);
    }

    private static void stopQuietly(EmbeddedActiveMQ server) {
        try {
            server.stop();
        } catch (Exception e) {
            LOG.debug("stopping a broker that failed to start: {}", e.toString());
        }
    }

    /** Artemis's client pools are JVM-wide: clear them only when no broker is left open. */
    private static void releaseClientThreads() {
        if (OPEN.decrementAndGet() == 0) {
            ActiveMQClient.clearThreadPools();
            InVMConnector.resetThreadPool();
        }
    }

    private String describe() {
        if (!config.embedded()) {
            return "external " + config.url();
        }
        String tcp = config.tcpPort() == 0 ? "in-VM only" : "in-VM and " + remoteUrl();
        return "embedded, journal " + config.brokerDirectory() + ", " + tcp;
    }
}
