package io.weft.console.registry.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * The HTTP calls the page makes, on {@link HttpURLConnection} with {@code Connection: close}: Java 17's
 * {@code HttpClient} keeps a selector thread alive until it is garbage collected, and a stopped bundle must
 * leave no thread behind. Thread-safe (no state).
 */
public final class HttpCalls {

    /** A status and at most {@code maxBytes} of the body ({@link #truncated} when there was more). */
    public record Answer(int status, byte[] body, boolean truncated) {
    }

    private final Duration timeout;

    public HttpCalls(Duration timeout) {
        this.timeout = timeout;
    }

    public Answer get(URI uri, int maxBytes) throws IOException {
        return call(uri, "GET", null, null, maxBytes);
    }

    public Answer postJson(URI uri, byte[] json, int maxBytes) throws IOException {
        return call(uri, "POST", json, null, maxBytes);
    }

    /** @param authorization the {@code Authorization} header's value, or null to send none */
    public Answer postJson(URI uri, byte[] json, String authorization, int maxBytes) throws IOException {
        return call(uri, "POST", json, authorization, maxBytes);
    }

    private Answer call(URI uri, String method, byte[] body, String authorization, int maxBytes) throws IOException {
        HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
        try {
            c.setConnectTimeout((int) timeout.toMillis());
            c.setReadTimeout((int) timeout.toMillis());
            c.setRequestMethod(method);
            c.setRequestProperty("Connection", "close");
            c.setRequestProperty("Accept", "application/json");
            if (authorization != null) {
                c.setRequestProperty("Authorization", authorization);
            }
            if (body != null) {
                c.setDoOutput(true);
                c.setRequestProperty("Content-Type", "application/json");
                // Not streamed: a streamed request answered 401 loses its body (HttpRetryException inside), and
                // the meta's 401 says why it refused. Bodies are a small JSON object.
                try (OutputStream out = c.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = c.getResponseCode();
            InputStream in = status >= 400 ? c.getErrorStream() : c.getInputStream();
            if (in == null) {
                return new Answer(status, new byte[0], false);
            }
            try (in) {
                byte[] read = in.readNBytes(maxBytes + 1);
                boolean truncated = read.length > maxBytes;
                return new Answer(status, truncated ? java.util.Arrays.copyOf(read, maxBytes) : read, truncated);
            }
        } finally {
            c.disconnect();
        }
    }
}
