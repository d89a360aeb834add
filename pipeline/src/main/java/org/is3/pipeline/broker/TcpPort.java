package org.is3.pipeline.broker;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Probe of a TCP acceptor's address, used to explain a broker that did not come up. */
final class TcpPort {

    private TcpPort() {
    }

    static boolean canBind(String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(host, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
