package io.weft.bench.registry.load;

import com.alipay.remoting.BizContext;
import com.alipay.remoting.ConnectionEventType;
import com.alipay.remoting.rpc.RpcServer;
import com.alipay.remoting.rpc.protocol.SyncUserProcessor;
import com.alipay.sofa.registry.core.model.BaseRegister;
import com.alipay.sofa.registry.core.model.PublisherRegister;
import com.alipay.sofa.registry.core.model.RegisterResponse;
import com.alipay.sofa.registry.core.model.SubscriberRegister;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A stand-in session server that keeps nothing and pushes nothing: it answers every registration of the official
 * client with success at once, on Bolt's I/O thread. Run in its own JVM on the same machine as {@link RegistryLoad}
 * with {@code --registration-only true}, it gives the registration rate the client itself can reach here: the
 * ceiling for any real server measured the same way, since the client and the server share the machine's cores.
 *
 * <p>Serves what the client and {@link ServerProbe} use: the client port (default 9600), and on the ops port
 * (default 9603) {@code /api/servers/query[WithWeight]}, {@code /health/check}, {@code /connections/query} and
 * {@code /digest/data/count}. Binds 127.0.0.1 only.
 *
 * <p>Arguments: {@code PID_FILE [CLIENT_PORT [OPS_PORT]]}. Runs until killed.
 */
public final class AnswerOnlySession {

    private static final String HOST = "127.0.0.1";

    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicLong answered = new AtomicLong();

    private AnswerOnlySession() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: AnswerOnlySession PID_FILE [CLIENT_PORT [OPS_PORT]]");
            System.exit(64);
        }
        int clientPort = args.length > 1 ? Integer.parseInt(args[1]) : 9600;
        int opsPort = args.length > 2 ? Integer.parseInt(args[2]) : 9603;
        new AnswerOnlySession().start(clientPort, opsPort);
        Files.writeString(Path.of(args[0]), Long.toString(ProcessHandle.current().pid()));
        System.out.printf("answer-only session: client port %s:%d, ops port %s:%d%n", HOST, clientPort, HOST, opsPort);
    }

    private void start(int clientPort, int opsPort) throws IOException {
        RpcServer server = new RpcServer(HOST, clientPort, false);
        server.addConnectionEventProcessor(ConnectionEventType.CONNECT, (remote, c) -> connections.incrementAndGet());
        server.addConnectionEventProcessor(ConnectionEventType.CLOSE, (remote, c) -> connections.decrementAndGet());
        server.registerUserProcessor(new Answering<>(PublisherRegister.class));
        server.registerUserProcessor(new Answering<>(SubscriberRegister.class));
        server.startup();

        HttpServer ops = HttpServer.create(new InetSocketAddress(HOST, opsPort), 64);
        String endpoint = HOST + ":" + clientPort;
        ops.createContext("/api/servers/query", x -> reply(x, endpoint));
        ops.createContext("/api/servers/queryWithWeight", x -> reply(x, endpoint));
        ops.createContext("/health/check", x -> reply(x, "{\"success\":true,\"message\":\"answer-only session\"}"));
        // One quoted entry per connection, as ServerProbe counts them.
        ops.createContext("/connections/query", x -> reply(x, "[" + String.join(",",
                java.util.Collections.nCopies(connections.get(), "\"" + HOST + "\"")) + "]"));
        ops.createContext("/digest/data/count", x -> reply(x, "{\"answered\":" + answered.get() + "}"));
        ops.start();
    }

    private static void reply(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(200, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Success for the register's own version, as a session acknowledges a registration it took. */
    private final class Answering<T extends BaseRegister> extends SyncUserProcessor<T> {

        private final Class<T> type;

        Answering(Class<T> type) {
            this.type = type;
        }

        @Override
        public Object handleRequest(BizContext context, T register) {
            answered.incrementAndGet();
            RegisterResponse response = new RegisterResponse();
            response.setSuccess(true);
            response.setRegistId(register.getRegistId());
            response.setVersion(register.getVersion() == null ? 0L : register.getVersion());
            response.setMessage("answered");
            return response;
        }

        @Override
        public String interest() {
            return type.getName();
        }

        @Override
        public boolean processInIOThread() {
            return true;
        }
    }
}
