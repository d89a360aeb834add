package org.is3.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;

class BrokerConfigTest {

    @Test
    void embeddedDefaultsToInVmOnlyWithTheJournalUnderHome() {
        BrokerConfig config = BrokerConfig.embedded(Path.of("/data/is3"));
        assertTrue(config.embedded());
        assertEquals(0, config.tcpPort());
        assertEquals(Path.of("/data/is3/broker"), config.brokerDirectory());
        assertEquals(Redelivery.DEFAULT, config.redelivery());
    }

    @Test
    void externalAcceptsOneBrokerOrAClusterList() {
        assertFalse(BrokerConfig.external("tcp://mq.lab:61616").embedded());
        assertEquals("tcp://mq.lab:61616?ha=true",
                BrokerConfig.external("tcp://mq.lab:61616?ha=true").url());
        BrokerConfig.external("(tcp://mq1.lab:61616,tcp://mq2.lab:61617)?ha=true");
    }

    @Test
    void aUrlThatIsNotTcpHostPortIsNamed() {
        assertEquals("broker URL 'http://mq.lab:61616': 'http://mq.lab:61616' does not start with"
                        + " tcp://; expected tcp://host:port or (tcp://host1:port1,tcp://host2:port2)",
                assertThrows(InputException.class, () -> BrokerConfig.external("http://mq.lab:61616"))
                        .getMessage());
        assertTrue(assertThrows(InputException.class, () -> BrokerConfig.external("tcp://mq.lab"))
                .getMessage().contains("'tcp://mq.lab' names no host and port"));
        assertTrue(assertThrows(InputException.class,
                () -> BrokerConfig.external("(tcp://a:1,tcp://b:2")).getMessage()
                .contains("never closed"));
        assertTrue(assertThrows(InputException.class,
                () -> BrokerConfig.external("(tcp://a:1,b:2)")).getMessage()
                .contains("'b:2' does not start with tcp://"));
    }

    @Test
    void outOfRangeSettingsAreNamed() {
        BrokerConfig config = BrokerConfig.embedded(Path.of("/data/is3"));
        assertEquals("broker TCP port must be 0 (off) or 1-65535, got 70000",
                assertThrows(InputException.class, () -> config.withTcpAcceptor("127.0.0.1", 70000))
                        .getMessage());
        assertEquals("broker max delivery attempts must be at least 1, got 0",
                assertThrows(InputException.class, () -> new Redelivery(0, Duration.ZERO, 1.0,
                        Duration.ZERO)).getMessage());
        assertThrows(InputException.class,
                () -> new Redelivery(3, Duration.ofSeconds(2), 2.0, Duration.ofSeconds(1)));
        assertThrows(InputException.class,
                () -> new Redelivery(3, Duration.ofSeconds(1), 0.5, Duration.ofSeconds(1)));
    }
}
