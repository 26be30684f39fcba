package io.weft.itest.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a standalone node runs, read from a built distribution the way the launcher reads it
 * ({@code RoleCatalog}, {@code BundleRepository}, {@code Launcher.seedConfiguration}): the feature
 * {@code node} first, then the roles that {@code standalone} names in its {@code weft.roles}
 * extension (each after the roles it names), then {@code standalone} itself. Bundles are the jars
 * in the distribution's {@code system/} folder (Maven layout); configurations are merged by PID, a
 * later feature's values winning, and rendered as the strings a {@code conf/<pid>.cfg} file gives.
 *
 * <p>Uses Jackson and the JDK only: the test reads it both outside the framework (to provision) and
 * inside it (to configure and check), where Jackson comes from the feature's own bundles.
 */
final class StandaloneFeature {

    static final String NODE = "node";
    static final String STANDALONE = "standalone";
    static final String ROLES_EXTENSION = "weft.roles";
    static final String INCLUDES_EXTENSION = "weft.includes";
    static final String START_ORDER = "start-order";
    /** The launcher's {@code StartLevels}: a bundle without start-order starts with the libraries. */
    static final int LIBRARIES = 2;
    /** The launcher's highest start level, that of Weft's own bundles. */
    static final int APPLICATION = 5;

    /** One bundle of the feature: its ID, its jar in {@code system/} and its start level. */
    record Bundle(String id, String feature, Path jar, int startOrder, boolean fragment) {
        String location() {
            return jar.toUri().toString();
        }

        String groupId() {
            return id.substring(0, id.indexOf(':'));
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.ALLOW_COMMENTS);

    private final List<String> features;
    private final List<Bundle> bundles;
    private final Map<String, Map<String, String>> configurations;

    private StandaloneFeature(List<String> features, List<Bundle> bundles,
            Map<String, Map<String, String>> configurations) {
        this.features = features;
        this.bundles = bundles;
        this.configurations = configurations;
    }

    static StandaloneFeature read(Path dist) {
        Path featuresDir = dist.resolve("features");
        Map<String, JsonNode> resolved = new LinkedHashMap<>();
        resolved.put(NODE, load(featuresDir, NODE));
        addRole(featuresDir, STANDALONE, resolved, new LinkedHashSet<>());

        List<Bundle> bundles = new ArrayList<>();
        Set<String> ids = new LinkedHashSet<>();
        Map<String, Map<String, String>> configurations = new LinkedHashMap<>();
        resolved.forEach((name, feature) -> {
            for (JsonNode entry : feature.path("bundles")) {
                String id = entry.isTextual() ? entry.asText() : entry.path("id").asText();
                if (id.isEmpty()) {
                    throw new IllegalStateException("feature " + name + ": a bundle without id: " + entry);
                }
                if (!ids.add(id)) {
                    continue;
                }
                int startOrder = entry.has(START_ORDER) ? Integer.parseInt(entry.get(START_ORDER).asText().trim()) : LIBRARIES;
                if (startOrder < 1 || startOrder > APPLICATION) {
                    throw new IllegalStateException("feature " + name + ": " + id + ": " + START_ORDER + " must be 1.." + APPLICATION);
                }
                Path jar = jarOf(dist.resolve("system"), id);
                bundles.add(new Bundle(id, name, jar, startOrder, isFragment(jar)));
            }
            Iterator<Map.Entry<String, JsonNode>> pids = feature.path("configurations").fields();
            while (pids.hasNext()) {
                Map.Entry<String, JsonNode> pid = pids.next();
                Map<String, String> values = configurations.computeIfAbsent(pid.getKey(), k -> new LinkedHashMap<>());
                pid.getValue().fields().forEachRemaining(v -> values.put(plainKey(v.getKey()), render(v.getValue())));
            }
        });
        return new StandaloneFeature(List.copyOf(resolved.keySet()), List.copyOf(bundles), configurations);
    }

    /** Feature names in start order, {@code node} first. */
    List<String> features() {
        return features;
    }

    List<Bundle> bundles() {
        return bundles;
    }

    /** PID to its values, as the launcher would seed them into {@code conf/<pid>.cfg}. */
    Map<String, Map<String, String>> configurations() {
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        configurations.forEach((pid, values) -> copy.put(pid, new LinkedHashMap<>(values)));
        return copy;
    }

    /** As the launcher's {@code RoleCatalog}: parts ({@code weft.includes}) and roles ({@code weft.roles}) first. */
    private static void addRole(Path featuresDir, String role, Map<String, JsonNode> resolved, Set<String> path) {
        add(featuresDir, role, load(featuresDir, role), resolved, path);
    }

    private static void add(Path featuresDir, String name, JsonNode feature, Map<String, JsonNode> resolved, Set<String> path) {
        if (resolved.containsKey(name)) {
            return;
        }
        if (name.equals(NODE) || !path.add(name)) {
            throw new IllegalStateException("feature " + name + " cannot be included here: " + path);
        }
        for (String part : names(feature, INCLUDES_EXTENSION)) {
            add(featuresDir, part, load(featuresDir.resolve("parts"), part), resolved, path);
        }
        for (String role : names(feature, ROLES_EXTENSION)) {
            add(featuresDir, role, load(featuresDir, role), resolved, path);
        }
        path.remove(name);
        resolved.put(name, feature);
    }

    private static List<String> names(JsonNode feature, String extension) {
        List<String> names = new ArrayList<>();
        for (JsonNode line : feature.path("extensions").path(extension).path("text")) {
            for (String name : line.asText().split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }

    private static JsonNode load(Path featuresDir, String name) {
        Path file = featuresDir.resolve(name + ".json");
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read feature " + file, e);
        }
    }

    /**
     * {@code group:artifact[:type[:classifier]]:version} to its jar in the Maven layout of
     * {@code system/}, as the launcher's {@code BundleRepository} does.
     */
    static Path jarOf(Path system, String id) {
        String[] p = id.split(":");
        if (p.length < 3 || p.length > 5) {
            throw new IllegalArgumentException("not a bundle ID: " + id);
        }
        String group = p[0];
        String artifact = p[1];
        String version = p[p.length - 1];
        String type = p.length >= 4 ? p[2] : "jar";
        String classifier = p.length == 5 ? "-" + p[3] : "";
        Path jar = system.resolve(group.replace('.', '/')).resolve(artifact).resolve(version)
                .resolve(artifact + "-" + version + classifier + "." + type);
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("bundle " + id + " named by a feature is missing: expected " + jar);
        }
        return jar;
    }

    private static boolean isFragment(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            return manifest != null && manifest.getMainAttributes().getValue("Fragment-Host") != null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jar, e);
        }
    }

    /** A feature may type a key ({@code "port:Integer"}); the key itself is the part before the colon. */
    private static String plainKey(String key) {
        int colon = key.indexOf(':');
        return colon < 0 ? key : key.substring(0, colon);
    }

    /** As {@code ConfigFiles.render}: arrays comma-joined, everything else its text. */
    private static String render(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(v -> items.add(v.asText()));
            return String.join(",", items);
        }
        return value.asText();
    }
}
