package org.is3.pipeline.broker;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.is3.core.InputException;

/**
 * Where the pipeline's messages live: an embedded broker whose journal is under
 * {@code <home>/broker}, or an external Artemis broker or cluster reached at a {@code tcp://} URL
 * (architecture.md, Running).
 *
 * <p>An embedded broker always accepts in-VM clients; it also accepts remote workers over TCP on
 * {@code tcpHost:tcpPort} when {@code tcpPort} is not 0. Security is off (stack.md): the TCP
 * acceptor binds 127.0.0.1 by default, and opening it to other hosts trusts that network.
 *
 * @param home is3 home of an embedded broker; null for an external one
 * @param url the external broker's URL; null for an embedded one
 * @param tcpPort 0 = no TCP acceptor
 * @param journalFileSize bytes per journal file (Artemis preallocates files of this size)
 */
public record BrokerConfig(Path home, String url, String tcpHost, int tcpPort,
                           Redelivery redelivery, int journalFileSize) {

    /** The port Artemis clients expect by default. */
    public static final int DEFAULT_TCP_PORT = 61616;
    public static final String DEFAULT_TCP_HOST = "127.0.0.1";
    /** 1 MiB instead of Artemis's 10 MiB: the pipeline's messages are ids and small JSON. */
    public static final int DEFAULT_JOURNAL_FILE_SIZE = 1024 * 1024;

    public BrokerConfig {
        if ((home == null) == (url == null)) {
            throw new InputException("broker: give either an is3 home (embedded broker) or a"
                    + " tcp:// URL (external broker), not " + (home == null ? "neither" : "both"));
        }
        if (url != null) {
            checkUrl(url);
        }
        if (tcpPort < 0 || tcpPort > 65535) {
            throw new InputException("broker TCP port must be 0 (off) or 1-65535, got " + tcpPort);
        }
        if (tcpHost == null || tcpHost.isBlank()) {
            throw new InputException("broker TCP host must not be blank");
        }
        if (redelivery == null) {
            throw new InputException("broker redelivery settings are missing");
        }
        if (journalFileSize < 64 * 1024) {
            throw new InputException("broker journal file size must be at least 65536 bytes, got "
                    + journalFileSize);
        }
    }

    /** An embedded broker under {@code home/broker}, in-VM clients only, default redelivery. */
    public static BrokerConfig embedded(Path home) {
        return new BrokerConfig(home, null, DEFAULT_TCP_HOST, 0, Redelivery.DEFAULT,
                DEFAULT_JOURNAL_FILE_SIZE);
    }

    /**
     * An external broker: {@code tcp://host:port[?options]}, or a cluster
     * {@code (tcp://host1:port1,tcp://host2:port2)[?options]} as Artemis clients accept it.
     */
    public static BrokerConfig external(String url) {
        return new BrokerConfig(null, url, DEFAULT_TCP_HOST, 0, Redelivery.DEFAULT,
                DEFAULT_JOURNAL_FILE_SIZE);
    }

    /** Also accept remote workers over TCP on {@code host:port}; port 0 turns the acceptor off. */
    public BrokerConfig withTcpAcceptor(String host, int port) {
        return new BrokerConfig(home, url, host, port, redelivery, journalFileSize);
    }

    public BrokerConfig withRedelivery(Redelivery value) {
        return new BrokerConfig(home, url, tcpHost, tcpPort, value, journalFileSize);
    }

    public BrokerConfig withJournalFileSize(int bytes) {
        return new BrokerConfig(home, url, tcpHost, tcpPort, redelivery, bytes);
    }

    public boolean embedded() {
        return home != null;
    }

    /** The journal, bindings, paging and large-message directories live here. */
    public Path brokerDirectory() {
        return home == null ? null : home.resolve("broker");
    }

    private static void checkUrl(String url) {
        String hosts = url.strip();
        int query = hosts.indexOf('?');
        if (hosts.startsWith("(")) {
            int close = hosts.indexOf(')');
            if (close < 0) {
                throw badUrl(url, "a cluster list opened with '(' is never closed");
            }
            hosts = hosts.substring(1, close);
        } else if (query >= 0) {
            hosts = hosts.substring(0, query);
        }
        for (String one : hosts.split(",")) {
            checkOneHost(url, one.strip());
        }
    }

    private static void checkOneHost(String url, String one) {
        URI uri;
        try {
            uri = new URI(one);
        } catch (URISyntaxException e) {
            throw badUrl(url, e.getMessage());
        }
        if (!"tcp".equals(uri.getScheme())) {
            throw badUrl(url, "'" + one + "' does not start with tcp://");
        }
        if (uri.getHost() == null || uri.getPort() < 1) {
            throw badUrl(url, "'" + one + "' names no host and port");
        }
    }

    private static InputException badUrl(String url, String why) {
        return new InputException("broker URL '" + url + "': " + why
                + "; expected tcp://host:port or (tcp://host1:port1,tcp://host2:port2)");
    }
}
