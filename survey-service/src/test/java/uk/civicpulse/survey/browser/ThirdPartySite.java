package uk.civicpulse.survey.browser;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * A council's own web site on another origin (another port), serving one page with a strict Content-Security-Policy
 * that lets in only itself and survey-service: no inline script or style.
 */
public final class ThirdPartySite implements AutoCloseable {

    private final HttpServer server;

    public ThirdPartySite(String surveyOrigin, Supplier<String> page) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String policy = "default-src 'none'; script-src 'self' " + surveyOrigin + "; style-src 'self' " + surveyOrigin
                + "; connect-src " + surveyOrigin + "; img-src 'self'; form-action " + surveyOrigin + "; base-uri 'none'";
        server.createContext("/", exchange -> {
            byte[] body = page.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/html;charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", policy);
            exchange.sendResponseHeaders(exchange.getRequestURI().getPath().equals("/") ? 200 : 404, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
