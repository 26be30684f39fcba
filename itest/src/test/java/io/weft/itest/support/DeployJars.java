package io.weft.itest.support;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundle jars for a node's {@code deploy/}: a distribution bundle with another version, copied in as an operator would. */
public final class DeployJars {

    private DeployJars() {
    }

    /** The jar of a distribution bundle, under the node's {@code system/} (e.g. {@code io/weft/monitor}). */
    public static Path systemJar(WeftNode node, String folder) throws IOException {
        try (var files = Files.walk(node.home().resolve("system").resolve(folder))) {
            return files.filter(f -> f.toString().endsWith(".jar")).findFirst().orElseThrow();
        }
    }

    /** "0.1.0.SNAPSHOT" to "0.1.1": the next micro version, which sorts above the snapshot. */
    public static String bump(String version) {
        String[] parts = version.split("\\.");
        return parts[0] + "." + parts[1] + "." + (Integer.parseInt(parts[2]) + 1);
    }

    /** Copies a bundle with another Bundle-Version (and optionally one more, unresolvable import). */
    public static Path withVersion(Path source, String version, String extraImport, Path target) throws IOException {
        try (JarInputStream in = new JarInputStream(Files.newInputStream(source))) {
            Manifest manifest = new Manifest(in.getManifest());
            manifest.getMainAttributes().putValue("Bundle-Version", version);
            if (extraImport != null) {
                String imports = manifest.getMainAttributes().getValue("Import-Package");
                manifest.getMainAttributes().putValue("Import-Package", imports + "," + extraImport);
            }
            try (OutputStream os = Files.newOutputStream(target); JarOutputStream out = new JarOutputStream(os, manifest)) {
                JarEntry entry;
                while ((entry = in.getNextJarEntry()) != null) {
                    out.putNextEntry(new JarEntry(entry.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return target;
    }

    /** As an operator's copy should be: complete before it appears in the folder. */
    public static void drop(Path jar, Path target) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".part");
        Files.copy(jar, tmp, StandardCopyOption.REPLACE_EXISTING);
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }
}
