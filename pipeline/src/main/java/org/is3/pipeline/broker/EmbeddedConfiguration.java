package org.is3.pipeline.broker;

import java.nio.file.Path;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.CoreAddressConfiguration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/** The Artemis configuration of an embedded broker, built from a {@link BrokerConfig}. */
final class EmbeddedConfiguration {

    /**
     * How long a starting broker waits for the journal's file lock. The lock is held by a live
     * broker only (the OS drops it when a process dies, even by kill -9), so a short wait is
     * enough and a second is3 on the same home fails fast instead of hanging (Artemis's default
     * is to wait forever).
     */
    static final long LOCK_WAIT_MILLIS = 2_000;

    private EmbeddedConfiguration() {
    }

    static String inVmUrl(int serverId) {
        return "vm://" + serverId;
    }

    static String tcpUrl(BrokerConfig config) {
        return "tcp://" + config.tcpHost() + ":" + config.tcpPort();
    }

    static Configuration of(BrokerConfig config, int serverId) throws Exception {
        Path dir = config.brokerDirectory();
        Configuration artemis = new ConfigurationImpl()
                .setName("is3-" + serverId)
                .setPersistenceEnabled(true)
                .setJournalType(JournalType.NIO)
                .setJournalFileSize(config.journalFileSize())
                .setJournalMinFiles(2)
                .setJournalPoolFiles(4)
                .setJournalDirectory(dir.resolve("journal").toString())
                .setBindingsDirectory(dir.resolve("bindings").toString())
                .setPagingDirectory(dir.resolve("paging").toString())
                .setLargeMessagesDirectory(dir.resolve("large-messages").toString())
                .setNodeManagerLockDirectory(dir.toString())
                .setJournalLockAcquisitionTimeout(LOCK_WAIT_MILLIS)
                .setSecurityEnabled(false)
                .setJMXManagementEnabled(false);
        artemis.addAcceptorConfiguration("in-vm", inVmUrl(serverId));
        if (config.tcpPort() != 0) {
            artemis.addAcceptorConfiguration("tcp", tcpUrl(config));
        }
        artemis.addAddressConfiguration(anycastQueue(Broker.DEAD_LETTER_ADDRESS));
        artemis.addAddressConfiguration(anycastQueue(Broker.EXPIRY_ADDRESS));
        artemis.addAddressSetting("#", deadLetterAndExpiry(new AddressSettings()));
        artemis.addAddressSetting(Broker.IS3_ADDRESSES, is3Settings(config.redelivery()));
        return artemis;
    }

    private static CoreAddressConfiguration anycastQueue(String name) {
        return new CoreAddressConfiguration()
                .setName(name)
                .addRoutingType(RoutingType.ANYCAST)
                .addQueueConfig(QueueConfiguration.of(name)
                        .setRoutingType(RoutingType.ANYCAST)
                        .setDurable(true));
    }

    private static AddressSettings deadLetterAndExpiry(AddressSettings settings) {
        return settings
                .setDeadLetterAddress(SimpleString.of(Broker.DEAD_LETTER_ADDRESS))
                .setExpiryAddress(SimpleString.of(Broker.EXPIRY_ADDRESS));
    }

    /**
     * Work queues are auto-created on first use and never auto-deleted, so an idle stage's queue
     * (and its counters) stays visible between runs.
     */
    private static AddressSettings is3Settings(Redelivery redelivery) {
        return deadLetterAndExpiry(new AddressSettings())
                .setMaxDeliveryAttempts(redelivery.maxDeliveryAttempts())
                .setRedeliveryDelay(redelivery.delay().toMillis())
                .setRedeliveryMultiplier(redelivery.multiplier())
                .setMaxRedeliveryDelay(redelivery.maxDelay().toMillis())
                .setAutoDeleteQueues(false)
                .setAutoDeleteAddresses(false);
    }
}
