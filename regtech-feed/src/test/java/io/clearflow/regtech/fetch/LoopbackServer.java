package io.clearflow.regtech.fetch;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The JDK's HTTP server on 127.0.0.1 with an ephemeral port: serves saved feeds to the tests. */
public final class LoopbackServer implements AutoCloseable {

    private final HttpServer server;
    public final AtomicInteger requests = new AtomicInteger();
    public final AtomicLong bytesSent = new AtomicLong();
    public final Map<String, String> lastHeaders = new ConcurrentHashMap<>();

    public LoopbackServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    public LoopbackServer on(String path, HttpHandler handler) {
        server.createContext(path, exchange -> {
            requests.incrementAndGet();
            exchange.getRequestHeaders().forEach((k, v) -> lastHeaders.put(k.toLowerCase(), String.join(",", v)));
            handler.handle(exchange);
        });
        return this;
    }

    /** Serves fixed bytes with a content type, an ETag, and 304 when the client sends it back. */
    public LoopbackServer serve(String path, byte[] body, String contentType, String etag) {
        return on(path, ex -> {
            String inm = ex.getRequestHeaders().getFirst("If-None-Match");
            if (etag != null && etag.equals(inm)) {
                ex.sendResponseHeaders(304, -1);
                ex.close();
                return;
            }
            ex.getResponseHeaders().add("Content-Type", contentType);
            if (etag != null) {
                ex.getResponseHeaders().add("ETag", etag);
            }
            send(ex, 200, body);
        });
    }

    public void send(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
            bytesSent.addAndGet(body.length);
        }
        ex.close();
    }

    public URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
