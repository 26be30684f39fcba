package io.weft.itest.support;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The Web Console's bundle list ({@code /system/console/bundles.json}), as an operator sees it. */
public final class ConsoleBundles {

    public record Entry(String symbolicName, String version, String state) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConsoleBundles() {
    }

    public static List<Entry> list(Http http) {
        Http.Response r = http.getAsAdmin("/system/console/bundles.json");
        if (!r.ok()) {
            throw new IllegalStateException("bundles.json answered " + r.status() + ": " + r.body());
        }
        try {
            List<Entry> entries = new ArrayList<>();
            for (JsonNode b : JSON.readTree(r.body()).path("data")) {
                entries.add(new Entry(b.path("symbolicName").asText(), b.path("version").asText(), b.path("state").asText()));
            }
            return entries;
        } catch (java.io.IOException e) {
            throw new IllegalStateException("bundles.json is not JSON: " + r.body(), e);
        }
    }

    public static Entry find(Http http, String symbolicName) {
        return list(http).stream().filter(e -> e.symbolicName().equals(symbolicName)).findFirst()
                .orElseThrow(() -> new AssertionError(symbolicName + " is not installed"));
    }
}
