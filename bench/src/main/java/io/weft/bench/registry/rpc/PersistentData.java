package io.weft.bench.registry.rpc;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The {@code override://} rules of one SOFARPC service, written as an operator does: persistent data on the meta
 * server's ops port ({@code POST /persistentData/put} and {@code /remove}, group {@code SOFA.CONFIG}, instance
 * {@code DEFAULT_INSTANCE_ID}, RCP-20). Weft and SOFARegistry 6.3.0 take the same JSON body there. Each write carries
 * a version above the last.
 */
final class PersistentData {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String metaUrl;
    private final String dataId;
    private long version = System.currentTimeMillis();

    PersistentData(String metaUrl, String dataId) {
        this.metaUrl = metaUrl;
        this.dataId = dataId;
    }

    /** Replaces the service's rules with {@code rule}; throws when the meta does not answer success. */
    void put(String rule) throws IOException, InterruptedException {
        post("/persistentData/put", "{" + key() + ",\"version\":" + (++version) + ",\"data\":\"" + rule + "\"}");
    }

    /** Removes the service's rules. */
    void remove() throws IOException, InterruptedException {
        post("/persistentData/remove", "{" + key() + ",\"version\":" + (++version) + "}");
    }

    private String key() {
        return "\"dataId\":\"" + dataId + "\",\"group\":\"SOFA.CONFIG\",\"instanceId\":\"DEFAULT_INSTANCE_ID\"";
    }

    private void post(String path, String json) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(metaUrl + path))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200 || !answer.body().replace(" ", "").contains("\"success\":true")) {
            String body = answer.body().replaceAll("\\s+", " ");
            throw new IOException("POST " + metaUrl + path + " answered " + answer.statusCode() + ": "
                    + (body.length() > 300 ? body.substring(0, 300) + "…" : body));
        }
    }
}
