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
 * <p>The feature {@value #NODE_FEATURE} is not a role: it is the runtime every node runs (framework
 * services, HTTP, Web Console, monitor) and is always included first. A feature may name other roles
 * in a text extension {@value #ROLES_EXTENSION}; {@code standalone} names every role that way.
 */
public final class RoleCatalog {

    public static final String NODE_FEATURE = "node";
    public static final String ROLES_EXTENSION = "weft.roles";

    private final Map<String, Feature> featuresByName;

    private RoleCatalog(Map<String, Feature> featuresByName) {
        this.featuresByName = featuresByName;
    }

    /** Reads every {@code *.json} in the folder; a file that is not a valid feature stops the launch. */
    public static RoleCatalog load(Path featuresDir) {
        FeatureService service = ServiceLoader.load(FeatureService.class, RoleCatalog.class.getClassLoader())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no OSGi FeatureService implementation on the class path"));
        Map<String, Feature> features = new TreeMap<>();
        if (!Files.isDirectory(featuresDir)) {
            throw new LaunchException(LaunchException.DISTRIBUTION, "feature folder " + featuresDir + " is missing");
        }
        try (Stream<Path> files = Files.list(featuresDir)) {
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
            throw new LaunchException(LaunchException.DISTRIBUTION, "cannot list " + featuresDir + ": " + e.getMessage(), e);
        }
        if (!features.containsKey(NODE_FEATURE)) {
            throw new LaunchException(LaunchException.DISTRIBUTION,
                    "feature folder " + featuresDir + " has no " + NODE_FEATURE + ".json");
        }
        return new RoleCatalog(features);
    }

    /** Role names an operator may ask for, sorted. */
    public List<String> roleNames() {
        return featuresByName.keySet().stream().filter(n -> !n.equals(NODE_FEATURE)).toList();
    }

    /**
     * The features to run for the requested roles, in start order: {@code node} first, then each role
     * after the roles it names, each once.
     *
     * @throws LaunchException naming the unknown role and the known ones
     */
    public Map<String, Feature> resolve(List<String> requestedRoles) {
        if (requestedRoles.isEmpty()) {
            throw new LaunchException(LaunchException.CONFIG, "no role given; known roles: " + roleNames());
        }
        Map<String, Feature> result = new LinkedHashMap<>();
        result.put(NODE_FEATURE, featuresByName.get(NODE_FEATURE));
        for (String role : requestedRoles) {
            add(role, result, new LinkedHashSet<>());
        }
        return result;
    }

    private void add(String role, Map<String, Feature> result, Set<String> path) {
        if (result.containsKey(role)) {
            return;
        }
        Feature feature = featuresByName.get(role);
        if (feature == null || role.equals(NODE_FEATURE)) {
            throw new LaunchException(LaunchException.CONFIG,
                    "unknown role '" + role + "'; known roles: " + String.join(", ", roleNames()));
        }
        if (!path.add(role)) {
            throw new LaunchException(LaunchException.CONFIG, "roles name each other in a cycle: " + path);
        }
        for (String included : includedRoles(feature)) {
            add(included, result, path);
        }
        result.put(role, feature);
    }

    static List<String> includedRoles(Feature feature) {
        FeatureExtension extension = feature.getExtensions().get(ROLES_EXTENSION);
        if (extension == null) {
            return List.of();
        }
        List<String> roles = new ArrayList<>();
        for (String line : extension.getText()) {
            for (String role : line.split(",")) {
                if (!role.isBlank()) {
                    roles.add(role.trim());
                }
            }
        }
        return roles;
    }
}
