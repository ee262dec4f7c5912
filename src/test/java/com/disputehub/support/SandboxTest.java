package com.disputehub.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the demo's end-to-end tests: the demo accounts of config/application.yml against the built-in
 * simulators on this same server, on a fixed free port (the demo accounts' base URLs name it). The simulators
 * stand still (no ticks) unless a test moves them; pollers and the dispatcher are driven by the tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "disputehub.sync.auto-startup=false",
        "disputehub.dispatch.auto-startup=false",
        "disputehub.sandbox.enabled=true",
        "disputehub.sandbox.mirakl.tick=0",
        "disputehub.sandbox.aliexpress.tick=0",
        "disputehub.sandbox.orderchamp.tick=0"})
public abstract class SandboxTest {

    protected static final int PORT = freePort();

    @DynamicPropertySource
    static void port(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
