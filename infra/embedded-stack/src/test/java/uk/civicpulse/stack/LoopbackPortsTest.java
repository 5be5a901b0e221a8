package uk.civicpulse.stack;

import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertTrue;

class LoopbackPortsTest {

    @Test
    void aFreePortLiesBelowTheEphemeralRangeAndCanBeBound() throws Exception {
        int ephemeral = LoopbackPorts.ephemeralRangeStart();
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = LoopbackPorts.free();
            assertTrue(port >= 10_000 && port < Math.max(11_000, ephemeral), port + " is outside 10000.." + ephemeral);
            seen.add(port);
            try (ServerSocket socket = new ServerSocket(port, 0, InetAddress.getLoopbackAddress())) {
                assertTrue(socket.isBound());
            }
        }
        assertTrue(seen.size() > 1, "drawn at random, not the same port each time");
    }
}
