package io.weft.acvip.http;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;

import io.weft.acvip.book.AddressBook;
import io.weft.acvip.poll.PollHub;
import io.weft.acvip.poll.PollReply;
import io.weft.api.acvip.AcvipProtocol;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * ACVIP's HTTP endpoints under {@code /antcloud/antvip/instances}: {@code POST .../get},
 * {@code POST .../register}, {@code POST .../unregister}, and {@code GET} of the prefix itself listing
 * every registration.
 *
 * <p>A lookup that may wait is served asynchronously ({@code startAsync}): no container thread is held
 * while it waits in the {@link PollHub}. The body is read whole and parsed before anything is changed.
 * The content type is not checked: the ops guides' own {@code curl -d} examples send form encoding.
 *
 * <p>Register and unregister pass the {@link RegistrationGuard} first (an OSP signature over the raw
 * body, or an unsigned call from loopback where allowed): a refusal is answered 401/403 with its reason,
 * logged at WARN with the AccessKey id, and changes nothing.
 */
public final class AcvipServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(AcvipServlet.class);

    /** Longest body accepted; a lookup of {@link LookupRequest#MAX_DOMAINS} domains is far below it. */
    static final int MAX_BODY = 64 * 1024;
    /** The container's own limit of a poll, beyond the hub's: only reached if the hub failed to answer. */
    static final Duration CONTAINER_MARGIN = Duration.ofSeconds(15);

    private final transient PollHub hub;
    private final transient AddressBook book;
    private final transient Function<Duration, Duration> leaseOf;
    private final transient Supplier<Duration> maxWait;
    private final transient Clock clock;
    private final transient RegistrationGuard guard;

    /**
     * @param leaseOf the lease granted for the one asked ({@code null}: not given)
     * @param maxWait the hub's current maximum poll wait
     * @param guard   who may register and unregister
     */
    public AcvipServlet(PollHub hub, AddressBook book, Function<Duration, Duration> leaseOf,
            Supplier<Duration> maxWait, Clock clock, RegistrationGuard guard) {
        this.hub = Objects.requireNonNull(hub);
        this.book = Objects.requireNonNull(book);
        this.leaseOf = Objects.requireNonNull(leaseOf);
        this.maxWait = Objects.requireNonNull(maxWait);
        this.clock = Objects.requireNonNull(clock);
        this.guard = Objects.requireNonNull(guard);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        if (path.isEmpty() || path.equals("/")) {
            write(response, 200, AnswerJson.registrations(book.registrations()));
        } else {
            write(response, 405, AnswerJson.error(405, "use POST for " + request.getRequestURI()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = pathOf(request);
        try {
            switch (path) {
                case "/get" -> lookup(request, response);
                case "/register" -> register(request, response);
                case "/unregister" -> unregister(request, response);
                default -> write(response, 404, AnswerJson.error(404, "no ACVIP endpoint " + request.getRequestURI()
                        + " (known: " + AcvipProtocol.GET_PATH + ", " + AcvipProtocol.REGISTER_PATH + ", "
                        + AcvipProtocol.UNREGISTER_PATH + ")"));
            }
        } catch (BadRequestException e) {
            LOG.info("refused {} from {}: {}", request.getRequestURI(), request.getRemoteAddr(), e.getMessage());
            write(response, 400, AnswerJson.error(400, "malformed ACVIP request: " + e.getMessage()));
        } catch (BodyTooLargeException e) {
            write(response, 413, AnswerJson.error(413, "request body larger than " + MAX_BODY + " bytes"));
        }
    }

    private void lookup(HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException, BodyTooLargeException {
        LookupRequest lookup = LookupRequest.parse(body(request));
        LOG.debug("lookup from {} ({} {}): {} polling={}", request.getRemoteAddr(), lookup.from(),
                lookup.clientVersion(), lookup.checksums().keySet(), lookup.allowPolling());
        if (!lookup.allowPolling()) {
            hub.submit(lookup.checksums(), false, reply -> writeQuietly(response, reply));
            return;
        }
        AsyncContext async = request.startAsync();
        async.setTimeout(maxWait.get().plus(CONTAINER_MARGIN).toMillis());
        Runnable[] forget = {() -> { }};
        async.addListener(new AsyncListener() {
            @Override
            public void onTimeout(AsyncEvent event) throws IOException {
                forget[0].run();
                write((HttpServletResponse) event.getAsyncContext().getResponse(), 503,
                        AnswerJson.error(503, "the poll was not answered in time; ask again"));
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                forget[0].run();
            }

            @Override
            public void onComplete(AsyncEvent event) {
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
            }
        });
        forget[0] = hub.submit(lookup.checksums(), true, reply -> {
            try {
                writeQuietly((HttpServletResponse) async.getResponse(), reply);
            } finally {
                async.complete();
            }
        });
    }

    private void register(HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException, BodyTooLargeException {
        RegistrationRequest r = authorized(request, response);
        if (r == null) {
            return;
        }
        Duration lease = leaseOf.apply(r.lease());
        book.renew(r.address(), lease);
        LOG.debug("lease of {} {} from {} ({}) renewed for {}", r.address().service(), r.address().hostAndPort(),
                request.getRemoteAddr(), r.caller(), lease);
        write(response, 200, AnswerJson.registered(lease.toSeconds()));
    }

    private void unregister(HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException, BodyTooLargeException {
        RegistrationRequest r = authorized(request, response);
        if (r == null) {
            return;
        }
        boolean removed = book.unregister(r.address());
        LOG.info("{} {} unregistered by {} ({}) (removed: {})", r.address().service(), r.address().hostAndPort(),
                request.getRemoteAddr(), r.caller(), removed);
        write(response, 200, AnswerJson.unregistered(removed));
    }

    /**
     * The register or unregister request if its caller may make it: the signature is checked on the raw
     * body before it is parsed, the product after. Otherwise answers 401/403, logs, and returns null.
     */
    private RegistrationRequest authorized(HttpServletRequest request, HttpServletResponse response)
            throws IOException, BadRequestException, BodyTooLargeException {
        byte[] body = body(request);
        RegistrationGuard.Outcome outcome = guard.check(request.getRemoteAddr(), request::getHeader, body);
        if (outcome.allowed()) {
            RegistrationRequest parsed = RegistrationRequest.parse(body);
            outcome = guard.checkProduct(outcome, parsed.address().service());
            if (outcome.allowed()) {
                return parsed.withCaller(outcome.signed() ? outcome.who() + " of instance " + outcome.instanceId()
                        : "unsigned, from loopback");
            }
        }
        LOG.warn("refused {} from {} with {}: HTTP {} {}: {}", request.getRequestURI(), request.getRemoteAddr(),
                outcome.who(), outcome.status(), outcome.reason(), outcome.message());
        if (outcome.status() == 401) {
            response.setHeader("WWW-Authenticate", AcvipProtocol.AUTH_SCHEME + " realm=\"acvip\"");
        }
        write(response, outcome.status(), AnswerJson.refused(outcome.status(), outcome.reason(),
                "registration refused: " + outcome.message()));
        return null;
    }

    private void writeQuietly(HttpServletResponse response, PollReply reply) {
        try {
            write(response, 200, AnswerJson.lookup(reply, clock));
        } catch (IOException | RuntimeException e) {
            // The client went away while waiting; nothing is left to clean up.
            LOG.debug("could not send an ACVIP answer: {}", e.toString());
        }
    }

    private static void write(HttpServletResponse response, int status, JsonNode body) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(body);
        response.setStatus(status);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }

    private static String pathOf(HttpServletRequest request) {
        String info = request.getPathInfo();
        return info == null ? "" : info;
    }

    private static byte[] body(HttpServletRequest request) throws IOException, BodyTooLargeException {
        try (InputStream in = request.getInputStream()) {
            byte[] body = in.readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                throw new BodyTooLargeException();
            }
            return body;
        }
    }

    private static final class BodyTooLargeException extends Exception {
        private static final long serialVersionUID = 1L;
    }
}
