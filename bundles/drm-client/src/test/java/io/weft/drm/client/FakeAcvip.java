package io.weft.drm.client;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.weft.api.acvip.AcvipProtocol;

/** A test ACVIP node answering lookups of one domain with whatever {@link #nodes} holds ({@code host:port}). */
final class FakeAcvip implements AutoCloseable {

    private final ObjectMapper mapper = new ObjectMapper();
    private final HttpServer http;
    private final String domain;
    volatile List<String> nodes = List.of();
    final AtomicInteger lookups = new AtomicInteger();

    FakeAcvip(String domain) throws IOException {
        this.domain = domain;
        http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        http.createContext(AcvipProtocol.GET_PATH, this::get);
        http.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    private void get(HttpExchange exchange) throws IOException {
        lookups.incrementAndGet();
        exchange.getRequestBody().readAllBytes();
        List<String> current = nodes;
        ObjectNode answer = mapper.createObjectNode();
        answer.put(AcvipProtocol.ERROR_CODE, 0);
        ObjectNode d = answer.putArray(AcvipProtocol.VIP_DOMAINS).addObject();
        d.put(AcvipProtocol.NAME, domain);
        d.put(AcvipProtocol.CHECKSUM, Integer.toHexString(current.hashCode()));
        d.put(AcvipProtocol.PRODUCT_ENABLED, true);
        ArrayNode real = d.putArray(AcvipProtocol.REAL_NODES);
        for (String n : current) {
            ObjectNode node = real.addObject();
            node.put(AcvipProtocol.IP, n.substring(0, n.lastIndexOf(':')));
            node.put(AcvipProtocol.PORT, Integer.parseInt(n.substring(n.lastIndexOf(':') + 1)));
            node.put(AcvipProtocol.DATA_CENTER, "dc1");
            node.put(AcvipProtocol.AVAILABLE, true);
        }
        answer.put(AcvipProtocol.POLLING_ACCEPTED, true);
        byte[] bytes = mapper.writeValueAsString(answer).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        http.stop(0);
    }
}
