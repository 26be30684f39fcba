package io.weft.drm.client.pull;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executor;

import io.weft.drm.protocol.DrmJson;
import io.weft.drm.protocol.PullEndpoint;
import io.weft.drm.protocol.PullProtocol;
import io.weft.drm.protocol.PullProtocol.PullError;
import io.weft.drm.protocol.PullProtocol.PullResponse;

/**
 * Pulls one attribute's value over HTTP ({@link PullProtocol}). Endpoints of the client's data center
 * are tried first in random order, then the others in random order (DRM-6 step 5, DRM-30); a node that
 * does not answer, or answers 5xx, passes the pull to the next. A 4xx answer is final: every node would
 * give the same. The endpoints and the token are the newest drmdata handed out. Thread-safe; blocking.
 */
public final class PullClient {

    private final String instanceId;
    private final String zone;
    private final String dataCenter;
    private final Duration timeout;
    private final HttpClient http;
    private final Random random;
    private volatile List<PullEndpoint> endpoints = List.of();
    private volatile String token = "";

    /**
     * @param executor runs the HTTP client's internal tasks, so its threads are the client's own and end
     *                 with it
     */
    public PullClient(String instanceId, String zone, String dataCenter, Duration connectTimeout,
            Duration timeout, Executor executor, Random random) {
        this.instanceId = instanceId;
        this.zone = zone;
        this.dataCenter = dataCenter;
        this.timeout = timeout;
        this.random = random;
        this.http = HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .executor(executor)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public void endpoints(List<PullEndpoint> fresh) {
        if (!fresh.isEmpty()) {
            endpoints = List.copyOf(fresh);
        }
    }

    public void token(String fresh) {
        if (fresh != null && !fresh.isEmpty()) {
            token = fresh;
        }
    }

    /** @throws PullException no endpoint served it, or one refused it (bad token, unknown attribute) */
    public PullResponse pull(String key, long version) throws PullException {
        List<PullEndpoint> order = order(endpoints);
        if (order.isEmpty()) {
            throw new PullException("no drmdata pull endpoint known yet for " + key, true);
        }
        List<String> failures = new ArrayList<>();
        for (PullEndpoint endpoint : order) {
            try {
                return pullFrom(endpoint, key, version);
            } catch (Refused e) {
                throw new PullException("pull of " + key + " version " + version + " refused by "
                        + endpoint.baseUrl() + ": " + e.getMessage(), false);
            } catch (IOException e) {
                failures.add(endpoint.baseUrl() + ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PullException("pull of " + key + " interrupted", false);
            }
        }
        throw new PullException("pull of " + key + " version " + version + " failed on every endpoint: "
                + String.join("; ", failures), true);
    }

    private PullResponse pullFrom(PullEndpoint endpoint, String key, long version)
            throws IOException, InterruptedException, Refused {
        String query = PullProtocol.INSTANCE_ID + "=" + encode(instanceId)
                + "&" + PullProtocol.KEY + "=" + encode(key)
                + "&" + PullProtocol.VERSION + "=" + version
                + "&" + PullProtocol.ZONE + "=" + encode(zone);
        String base = endpoint.baseUrl().endsWith("/")
                ? endpoint.baseUrl().substring(0, endpoint.baseUrl().length() - 1) : endpoint.baseUrl();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + PullProtocol.PATH + "?" + query))
                .timeout(timeout)
                .header(PullProtocol.TOKEN_HEADER, token)
                .GET()
                .build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        int status = response.statusCode();
        if (status == 200) {
            PullResponse body = DrmJson.mapper().readValue(response.body(), PullResponse.class);
            if (!key.equals(body.key())) {
                throw new IOException("answered key " + body.key() + " instead of " + key);
            }
            return body;
        }
        String error = describe(response.body());
        if (status >= 400 && status < 500) {
            throw new Refused("HTTP " + status + " " + error);
        }
        throw new IOException("HTTP " + status + " " + error);
    }

    private List<PullEndpoint> order(List<PullEndpoint> known) {
        List<PullEndpoint> local = new ArrayList<>();
        List<PullEndpoint> others = new ArrayList<>();
        for (PullEndpoint e : known) {
            (dataCenter.isEmpty() || dataCenter.equalsIgnoreCase(e.dataCenter()) ? local : others).add(e);
        }
        synchronized (random) {
            Collections.shuffle(local, random);
            Collections.shuffle(others, random);
        }
        local.addAll(others);
        return local;
    }

    private static String describe(byte[] body) {
        try {
            PullError e = DrmJson.mapper().readValue(body, PullError.class);
            return e.error() + ": " + e.message();
        } catch (IOException | RuntimeException e) {
            String text = new String(body, StandardCharsets.UTF_8);
            return text.length() <= 200 ? text : text.substring(0, 200) + "...";
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A 4xx: the request itself is refused. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }
}
