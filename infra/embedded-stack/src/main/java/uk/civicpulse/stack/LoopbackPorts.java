package uk.civicpulse.stack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A free loopback port for a server that another process (or a later step) will bind. Drawn below the kernel's
 * ephemeral range: a port from {@code new ServerSocket(0)} is an ephemeral one, and between it being chosen and bound
 * any outgoing connection on the machine (a JDBC or Kafka client) may take it as its local port ("address already in
 * use", seen in a load-test run). Outside that range only a server binding that very port can take it.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 10_000;

    private LoopbackPorts() {
    }

    public static int free() {
        int ceiling = Math.max(LOWEST + 1_000, ephemeralRangeStart());
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, ceiling);
            if (bindable(port)) {
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port between " + LOWEST + " and " + ceiling);
    }

    /** The first port the kernel hands out for outgoing connections and {@code bind(0)} (Linux; 32768 elsewhere). */
    static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            return Integer.parseInt(range.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
