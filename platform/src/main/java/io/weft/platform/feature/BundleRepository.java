package io.weft.platform.feature;

import java.nio.file.Files;
import java.nio.file.Path;

import org.osgi.service.feature.ID;

import io.weft.platform.LaunchException;

/**
 * The distribution's {@code system/} folder: every bundle a feature names, in Maven repository
 * layout ({@code group/path/artifact/version/artifact-version[-classifier].jar}), so a feature's
 * bundle ID is also the path of its jar.
 */
public final class BundleRepository {

    private final Path root;

    public BundleRepository(Path root) {
        this.root = root;
    }

    /** The jar of a bundle ID; a missing jar means a broken distribution, said as such. */
    public Path jarOf(ID id) {
        String type = id.getType().orElse("jar");
        String file = id.getArtifactId() + "-" + id.getVersion()
                + id.getClassifier().map(c -> "-" + c).orElse("") + "." + type;
        Path jar = root.resolve(id.getGroupId().replace('.', '/'))
                .resolve(id.getArtifactId()).resolve(id.getVersion()).resolve(file);
        if (!Files.isRegularFile(jar)) {
            throw new LaunchException(LaunchException.DISTRIBUTION,
                    "bundle " + id + " named by a feature is missing: expected " + jar);
        }
        return jar;
    }
}
