package io.weft.api.acvip;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The client of ACVIP that Weft's clients and roles use: looks addresses up, waits for changes, and
 * registers a role's address with a lease. Plain Java (JDK HTTP client and Jackson), usable outside
 * OSGi. Thread-safe; {@link #close()} stops its background thread.
 *
 * <ul>
 * <li><b>Cache:</b> the last answer of each domain is kept with its checksum, so a repeated lookup only
 *     transfers a "not modified", and a lookup while every endpoint is down answers from the cache
 *     (KFK-6, CON-28).</li>
 * <li><b>Failover:</b> endpoints are tried in turn, starting with the last one that answered.</li>
 * <li><b>Data center:</b> lookups return the addresses of the client's data center, or all of them when
 *     that one has none ({@link DataCenters#prefer}).</li>
 * <li><b>Registration</b> goes to every endpoint, as brokers register with every same-city ACVIP node
 *     (KFK-16); it succeeds when at least one accepted it. Given {@link AcvipCredentials}, each call to
 *     each endpoint is signed anew (ACVIP refuses a signature it has seen, and calls from other hosts
 *     that carry none); without, the calls go unsigned, which a node accepts only from its own host
 *     while its {@code registrationRequiresSignatureFromLoopback} is off.</li>
 * </ul>
 */
public final class AcvipClient implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(AcvipClient.class.getName());
    private static final String JSON = "application/json";

    private final List<URI> endpoints;
    private final String dataCenter;
    private final String from;
    private final Duration requestTimeout;
    private final Duration pollTimeout;
    private final HttpClient http;
    private final ObjectMapper mapper = new ObjectMapper();
    private final Map<String, Domain> cache = new ConcurrentHashMap<>();
    /** Index of the endpoint that answered last: tried first next time. */
    private final AtomicInteger preferred = new AtomicInteger();
    private final ScheduledExecutorService background;
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Last timestamp signed: each signature gets a later one, so no two calls sign alike. */
    private final AtomicLong lastSigned = new AtomicLong();

    private AcvipClient(Builder b) {
        if (b.endpoints.isEmpty()) {
            throw new IllegalArgumentException("at least one ACVIP endpoint is needed");
        }
        this.endpoints = List.copyOf(b.endpoints);
        this.dataCenter = b.dataCenter;
        this.from = b.from;
        this.requestTimeout = b.requestTimeout;
        this.pollTimeout = b.pollTimeout;
        this.http = HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.background = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "weft-acvip-client");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * The addresses of {@code service} for {@code instanceId}, preferring the client's data center.
     * Asks ACVIP (sending the cached checksum); if no endpoint answers, returns the cached list.
     *
     * @throws IllegalArgumentException the domain is unknown to ACVIP (no such instance, unknown product)
     * @throws AcvipUnavailableException no endpoint answered and nothing is cached
     */
    public List<ServiceAddress> lookup(String instanceId, String service) throws IOException {
        return DataCenters.prefer(dataCenter, fetch(AcvipServices.domainName(instanceId, service), false));
    }

    /**
     * Waits (bounded by the ACVIP node's maximum poll wait) until the domain differs from what is cached,
     * then returns it like {@link #lookup}; returns the cached list when nothing changed in that time.
     */
    public List<ServiceAddress> awaitChange(String instanceId, String service) throws IOException {
        return DataCenters.prefer(dataCenter, fetch(AcvipServices.domainName(instanceId, service), true));
    }

    /** What the last answer held for the domain, preferring the client's data center, if any. */
    public Optional<List<ServiceAddress>> cached(String instanceId, String service) {
        Domain d = cache.get(AcvipServices.domainName(instanceId, service));
        return d == null ? Optional.empty() : Optional.of(DataCenters.prefer(dataCenter, d.addresses));
    }

    /**
     * Calls {@code listener} with the current addresses, then each time they change, from the client's
     * background thread, until the returned handle is closed. Failures are retried after
     * {@code retryDelay}; the listener is not called while ACVIP is unreachable (the last list stays
     * valid).
     */
    public AutoCloseable watch(String instanceId, String service, Duration retryDelay,
            Consumer<List<ServiceAddress>> listener) {
        String domain = AcvipServices.domainName(instanceId, service);
        AtomicBoolean stopped = new AtomicBoolean();
        Runnable[] loop = new Runnable[1];
        loop[0] = () -> {
            if (stopped.get() || closed.get()) {
                return;
            }
            long delay = 0;
            try {
                Domain before = cache.get(domain);
                fetchLive(domain, before != null);
                Domain after = cache.get(domain);
                if (after != null && (before == null || !before.checksum.equals(after.checksum))) {
                    listener.accept(DataCenters.prefer(dataCenter, after.addresses));
                }
                delay = after != null && after.backOff ? retryDelay.toMillis() : 0;
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ACVIP watch of " + domain + " failed, retrying: " + e);
                delay = retryDelay.toMillis();
            }
            if (!stopped.get() && !closed.get()) {
                background.schedule(loop[0], delay, TimeUnit.MILLISECONDS);
            }
        };
        background.execute(loop[0]);
        return () -> stopped.set(true);
    }

    /**
     * Registers (or renews) the address on every endpoint for {@code lease}, unsigned: accepted only by
     * a node on the caller's own host that does not require signatures from loopback.
     *
     * @throws AcvipUnavailableException no endpoint accepted it
     * @throws AcvipRefusedException     no endpoint accepted it and one refused it (401/403)
     */
    public void register(ServiceAddress address, Duration lease) throws IOException {
        register(address, lease, null);
    }

    /**
     * Registers (or renews) the address on every endpoint for {@code lease}, signing each call with
     * {@code credentials} ({@code null}: unsigned).
     *
     * @throws AcvipUnavailableException no endpoint accepted it
     * @throws AcvipRefusedException     no endpoint accepted it and one refused it (401/403)
     */
    public void register(ServiceAddress address, Duration lease, AcvipCredentials credentials) throws IOException {
        ObjectNode body = addressJson(address);
        body.put(AcvipProtocol.LEASE_SECONDS, Math.max(1, lease.toSeconds()));
        toEveryEndpoint(AcvipProtocol.REGISTER_PATH, body, credentials, "register " + address.hostAndPort());
    }

    /** Removes the address from every endpoint that answers, unsigned (see {@link #register(ServiceAddress, Duration)}). */
    public void unregister(ServiceAddress address) throws IOException {
        unregister(address, null);
    }

    /** Removes the address from every endpoint that answers, signing with {@code credentials} ({@code null}: unsigned). */
    public void unregister(ServiceAddress address, AcvipCredentials credentials) throws IOException {
        toEveryEndpoint(AcvipProtocol.UNREGISTER_PATH, addressJson(address), credentials,
                "unregister " + address.hostAndPort());
    }

    /** {@link #keepRegistered(ServiceAddress, Duration, AcvipCredentials)} unsigned. */
    public AutoCloseable keepRegistered(ServiceAddress address, Duration lease) {
        return keepRegistered(address, lease, null);
    }

    /**
     * Registers the address now and renews it every third of {@code lease} until the handle is closed,
     * which unregisters it; every call is signed with {@code credentials} ({@code null}: unsigned). A
     * failed renewal is logged and retried at the next turn.
     */
    public AutoCloseable keepRegistered(ServiceAddress address, Duration lease, AcvipCredentials credentials) {
        long period = Math.max(1000, lease.toMillis() / 3);
        ScheduledFuture<?> task = background.scheduleWithFixedDelay(() -> {
            try {
                register(address, lease, credentials);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "ACVIP registration of " + address.hostAndPort()
                        + " failed, retrying: " + e);
            }
        }, 0, period, TimeUnit.MILLISECONDS);
        return () -> {
            task.cancel(false);
            unregister(address, credentials);
        };
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            background.shutdownNow();
        }
    }

    /** Asks ACVIP; when no endpoint answers, falls back to the cached list if there is one. */
    private List<ServiceAddress> fetch(String domain, boolean poll) throws IOException {
        try {
            return fetchLive(domain, poll);
        } catch (AcvipUnavailableException e) {
            Domain known = cache.get(domain);
            if (known == null) {
                throw e;
            }
            LOG.log(System.Logger.Level.WARNING, "ACVIP unreachable, using the cached " + domain + ": "
                    + e.getMessage());
            return known.addresses;
        }
    }

    private List<ServiceAddress> fetchLive(String domain, boolean poll) throws IOException {
        Domain known = cache.get(domain);
        ObjectNode request = mapper.createObjectNode();
        request.put(AcvipProtocol.ALLOW_POLLING, poll);
        request.put(AcvipProtocol.FROM, from);
        request.put(AcvipProtocol.CLIENT_VERSION, "weft-acvip-client");
        request.putObject(AcvipProtocol.DOMAIN_CHECKSUMS)
                .put(domain, known == null ? AcvipProtocol.NO_CHECKSUM : known.checksum);
        JsonNode answer = post(AcvipProtocol.GET_PATH, request, poll ? pollTimeout : requestTimeout);
        JsonNode unknown = answer.path(AcvipProtocol.UNKNOWN_DOMAINS).path(domain);
        if (!unknown.isMissingNode()) {
            throw new IllegalArgumentException("ACVIP does not know " + domain + ": " + unknown.asText());
        }
        boolean backOff = !answer.path(AcvipProtocol.POLLING_ACCEPTED).asBoolean(true);
        for (JsonNode d : answer.path(AcvipProtocol.VIP_DOMAINS)) {
            if (domain.equals(d.path(AcvipProtocol.NAME).asText())) {
                Domain fresh = new Domain(d.path(AcvipProtocol.CHECKSUM).asText(), addressesOf(domain, d), backOff);
                cache.put(domain, fresh);
                return fresh.addresses;
            }
        }
        if (known == null) {
            throw new IOException("ACVIP answered neither the addresses of " + domain + " nor 'not modified'");
        }
        if (backOff != known.backOff) {
            cache.put(domain, new Domain(known.checksum, known.addresses, backOff));
        }
        return known.addresses;
    }

    private static List<ServiceAddress> addressesOf(String domain, JsonNode d) {
        String service = domain.substring(domain.lastIndexOf('-') + 1);
        List<ServiceAddress> list = new ArrayList<>();
        for (JsonNode n : d.path(AcvipProtocol.REAL_NODES)) {
            if (n.path(AcvipProtocol.AVAILABLE).asBoolean(true)) {
                list.add(new ServiceAddress(service, n.path(AcvipProtocol.IP).asText(),
                        n.path(AcvipProtocol.PORT).asInt(), n.path(AcvipProtocol.DATA_CENTER).asText(""),
                        n.path(AcvipProtocol.ZONE).asText("")));
            }
        }
        return List.copyOf(list);
    }

    /** One endpoint after the other, starting with the preferred one; the first answer wins. */
    private JsonNode post(String path, JsonNode body, Duration timeout) throws IOException {
        IOException last = null;
        int start = preferred.get();
        for (int i = 0; i < endpoints.size(); i++) {
            int index = (start + i) % endpoints.size();
            try {
                JsonNode answer = postTo(endpoints.get(index), path, body, null, timeout);
                preferred.set(index);
                return answer;
            } catch (IOException e) {
                last = e;
            }
        }
        throw new AcvipUnavailableException("no ACVIP endpoint answered " + path + " (tried " + endpoints
                + "), last error: " + last, last);
    }

    private void toEveryEndpoint(String path, JsonNode body, AcvipCredentials credentials, String what)
            throws IOException {
        IOException last = null;
        AcvipRefusedException refused = null;
        int accepted = 0;
        for (URI endpoint : endpoints) {
            try {
                postTo(endpoint, path, body, credentials, requestTimeout);
                accepted++;
            } catch (AcvipRefusedException e) {
                LOG.log(System.Logger.Level.WARNING, what + " refused by " + endpoint + ": " + e.getMessage());
                refused = e;
            } catch (IOException e) {
                LOG.log(System.Logger.Level.DEBUG, what + " at " + endpoint + " failed: " + e.getMessage());
                last = e;
            }
        }
        if (accepted == 0) {
            if (refused != null) {
                throw refused;
            }
            throw new AcvipUnavailableException("no ACVIP endpoint accepted " + what + " (tried " + endpoints
                    + "), last error: " + last, last);
        }
    }

    /**
     * One call, signed with {@code credentials} unless {@code null}. A 400 is the caller's mistake and no
     * other endpoint would answer better: it is thrown as {@link IllegalArgumentException}; a 401 or 403
     * as {@link AcvipRefusedException}; anything else that is not 200 counts as this endpoint failing.
     */
    private JsonNode postTo(URI endpoint, String path, JsonNode body, AcvipCredentials credentials,
            Duration timeout) throws IOException {
        byte[] bytes = mapper.writeValueAsBytes(body);
        HttpRequest.Builder builder = HttpRequest.newBuilder(endpoint.resolve(path))
                .timeout(timeout)
                .header("Content-Type", JSON)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes));
        if (credentials != null) {
            long timestamp = lastSigned.updateAndGet(last -> Math.max(last + 1, System.currentTimeMillis()));
            builder.header(AcvipProtocol.ACCESS_KEY_HEADER, credentials.accessKeyId())
                    .header(AcvipProtocol.INSTANCE_HEADER, credentials.instanceId())
                    .header(AcvipProtocol.TIMESTAMP_HEADER, Long.toString(timestamp))
                    .header(AcvipProtocol.ALGORITHM_HEADER, io.weft.api.osp.RequestSigning.HMAC_SHA256)
                    .header(AcvipProtocol.SIGNATURE_HEADER,
                            credentials.sign(timestamp, new String(bytes, StandardCharsets.UTF_8)));
        }
        HttpRequest request = builder.build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while calling " + endpoint, e);
        }
        if (response.statusCode() == 400) {
            throw new IllegalArgumentException("ACVIP " + endpoint + " refused the request: "
                    + errorOf(response.body()));
        }
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            throw new AcvipRefusedException("ACVIP " + endpoint + " refused " + path + " (HTTP "
                    + response.statusCode() + "): " + errorOf(response.body()), response.statusCode(),
                    reasonOf(response.body()));
        }
        if (response.statusCode() != 200) {
            throw new IOException("ACVIP " + endpoint + " answered HTTP " + response.statusCode() + ": "
                    + errorOf(response.body()));
        }
        return mapper.readTree(response.body());
    }

    private String errorOf(String body) {
        try {
            return mapper.readTree(body).path(AcvipProtocol.ERROR_MSG).asText(body);
        } catch (IOException e) {
            return body;
        }
    }

    private String reasonOf(String body) {
        try {
            return mapper.readTree(body).path(AcvipProtocol.REASON).asText("");
        } catch (IOException e) {
            return "";
        }
    }

    private ObjectNode addressJson(ServiceAddress a) {
        ObjectNode body = mapper.createObjectNode();
        body.put(AcvipProtocol.SERVICE, a.service());
        body.put(AcvipProtocol.HOST, a.host());
        body.put(AcvipProtocol.PORT, a.port());
        body.put(AcvipProtocol.DATA_CENTER, a.dataCenter());
        body.put(AcvipProtocol.ZONE, a.zone());
        return body;
    }

    /** A cached domain; {@code backOff} when its node refused to hold the last poll (too many waiting). */
    private record Domain(String checksum, List<ServiceAddress> addresses, boolean backOff) {
    }

    /** Configuration of a client; only {@link #endpoints} is required. */
    public static final class Builder {
        private final List<URI> endpoints = new ArrayList<>();
        private String dataCenter = "";
        private String from = "weft-client";
        private Duration connectTimeout = Duration.ofSeconds(3);
        private Duration requestTimeout = Duration.ofSeconds(5);
        private Duration pollTimeout = Duration.ofSeconds(45);

        private Builder() {
        }

        /** ACVIP nodes, e.g. {@code http://10.0.0.1:9003}; a bare {@code host} or {@code host:port} also works. */
        public Builder endpoint(String endpoint) {
            Objects.requireNonNull(endpoint, "endpoint");
            String e = endpoint.strip();
            if (!e.contains("://")) {
                e = "http://" + e;
            }
            URI uri = URI.create(e);
            if (uri.getHost() == null) {
                throw new IllegalArgumentException("not an ACVIP endpoint: '" + endpoint + "'");
            }
            if (uri.getPort() < 0) {
                uri = URI.create(uri.getScheme() + "://" + uri.getHost() + ":" + AcvipProtocol.DEFAULT_PORT);
            }
            endpoints.add(uri);
            return this;
        }

        /** Comma-separated endpoints, as in {@code ACVIP.endpoint} / {@code com.antcloud.antvip.endpoint}. */
        public Builder endpoints(String commaSeparated) {
            for (String e : commaSeparated.split(",")) {
                if (!e.isBlank()) {
                    endpoint(e);
                }
            }
            return this;
        }

        /** The client's own data center, preferred in lookups; empty: no preference. */
        public Builder dataCenter(String dataCenter) {
            this.dataCenter = dataCenter == null ? "" : dataCenter.strip();
            return this;
        }

        /** Who is asking, sent as {@code from} (shown in the ACVIP node's log). */
        public Builder from(String from) {
            this.from = Objects.requireNonNull(from, "from");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Limit of a plain call. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Limit of a long poll: must exceed the ACVIP node's maximum poll wait (30 s by default). */
        public Builder pollTimeout(Duration timeout) {
            this.pollTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public AcvipClient build() {
            return new AcvipClient(this);
        }
    }
}
