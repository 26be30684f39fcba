package io.weft.platform.feature;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.osgi.service.feature.Feature;
import org.osgi.service.feature.FeatureExtension;
import org.osgi.service.feature.FeatureService;

import io.weft.platform.LaunchException;

/**
 * The roles a distribution knows: one OSGi Feature (JSON, OSGi Compendium R8 §159) per file in
 * {@code features/}, the role's name being the file name without {@code .json}.
 *
 * <p>Two kinds of feature are not roles. {@value #NODE_FEATURE} is the runtime every node runs
 * (framework services, HTTP, Web Console, monitor) and always comes first. The files in
 * {@code features/parts/} are building blocks several roles share (the node database, OSP): a
 * feature names the parts it needs in a text extension {@value #INCLUDES_EXTENSION}, and the roles it
 * runs in a text extension {@value #ROLES_EXTENSION} ({@code standalone} names every role that way).
 * Every feature is run once, after everything it names.
 */
public final class RoleCatalog {

    public static final String NODE_FEATURE = "node";
    public static final String PARTS_FOLDER = "parts";
    public static final String ROLES_EXTENSION = "weft.roles";
    public static final String INCLUDES_EXTENSION = "weft.includes";

    private final Map<String, Feature> roles;
    private final Map<String, Feature> parts;

    private RoleCatalog(Map<String, Feature> roles, Map<String, Feature> parts) {
        this.roles = roles;
        this.parts = parts;
    }

    /** Reads every {@code *.json} in the folder and in its {@code parts/}; an invalid file stops the launch. */
    public static RoleCatalog load(Path featuresDir) {
        if (!Files.isDirectory(featuresDir)) {
            throw new LaunchException(LaunchException.DISTRIBUTION, "feature folder " + featuresDir + " is missing");
        }
        FeatureService service = ServiceLoader.load(FeatureService.class, RoleCatalog.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FeatureService implementation on the class path"));
        Map<String, Feature> roles = readAll(service, featuresDir);
        Map<String, Feature> parts = readAll(service, featuresDir.resolve(PARTS_FOLDER));
        if (!roles.containsKey(NODE_FEATURE)) {
            throw new LaunchException(LaunchException.DISTRIBUTION,
                    "feature folder " + featuresDir + " has no " + NODE_FEATURE + ".json");
        }
        return new RoleCatalog(roles, parts);
    }

    private static Map<String, Feature> readAll(FeatureService service, Path dir) {
        Map<String, Feature> features = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return features;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.json$", "");
                try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    features.put(name, service.readFeature(in));
                } catch (IOException | RuntimeException e) {
                    throw new LaunchException(LaunchException.CONFIG,
                            "feature file " + file + " is not a valid OSGi feature: " + e.getMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new LaunchException(LaunchException.DISTRIBUTION, "cannot list " + dir + ": " + e.getMessage(), e);
        }
        return features;
    }

    /** Role names an operator may ask for, sorted. */
    public List<String> roleNames() {
        return roles.keySet().stream().filter(n -> !n.equals(NODE_FEATURE)).toList();
    }

    /**
     * The features to run for the requested roles, in start order: {@code node} first, then each
     * feature after the parts and roles it names, each once. Keys are feature names (a part's name is
     * also the name of its logging file).
     *
     * @throws LaunchException naming the unknown role and the known ones
     */
    public Map<String, Feature> resolve(List<String> requestedRoles) {
        if (requestedRoles.isEmpty()) {
            throw new LaunchException(LaunchException.CONFIG, "no role given; known roles: " + roleNames());
        }
        Map<String, Feature> result = new LinkedHashMap<>();
        add(NODE_FEATURE, roles.get(NODE_FEATURE), result, new LinkedHashSet<>());
        for (String role : requestedRoles) {
            Feature feature = roles.get(role);
            if (feature == null || role.equals(NODE_FEATURE)) {
                throw new LaunchException(LaunchException.CONFIG,
                        "unknown role '" + role + "'; known roles: " + String.join(", ", roleNames()));
            }
            add(role, feature, result, new LinkedHashSet<>());
        }
        return result;
    }

    private void add(String name, Feature feature, Map<String, Feature> result, Set<String> path) {
        if (result.containsKey(name)) {
            return;
        }
        if (!path.add(name)) {
            throw new LaunchException(LaunchException.CONFIG, "features name each other in a cycle: " + path);
        }
        for (String part : textList(feature, INCLUDES_EXTENSION)) {
            Feature included = parts.get(part);
            if (included == null) {
                throw new LaunchException(LaunchException.DISTRIBUTION,
                        "feature '" + name + "' includes part '" + part + "', which is not in features/" + PARTS_FOLDER);
            }
            add(part, included, result, path);
        }
        for (String role : textList(feature, ROLES_EXTENSION)) {
            Feature included = roles.get(role);
            if (included == null || role.equals(NODE_FEATURE)) {
                throw new LaunchException(LaunchException.DISTRIBUTION,
                        "feature '" + name + "' names role '" + role + "', which is not in features/");
            }
            add(role, included, result, path);
        }
        path.remove(name);
        result.put(name, feature);
    }

    static List<String> textList(Feature feature, String extensionName) {
        FeatureExtension extension = feature.getExtensions().get(extensionName);
        if (extension == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String line : extension.getText()) {
            for (String name : line.split(",")) {
                if (!name.isBlank()) {
                    names.add(name.trim());
                }
            }
        }
        return names;
    }
}
