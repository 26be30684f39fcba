package io.weft.store.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleReference;

/**
 * Lists the {@code .sql} files directly in one folder of a class loader, by file name.
 *
 * <p>A bundle's class loader is asked through {@link Bundle#findEntries}, which the OSGi specification
 * defines, rather than by decoding framework-specific {@code bundle://} URLs; a plain class loader (tests,
 * tools) is listed from its {@code file:} folders and {@code jar:} entries.
 */
final class ScriptCatalog {

    private ScriptCatalog() {
    }

    /** File name to URL, sorted by name; empty if the folder does not exist. */
    static Map<String, URL> scripts(ClassLoader loader, String location) {
        Map<String, URL> found = new TreeMap<>();
        if (loader instanceof BundleReference ref && ref.getBundle() != null) {
            Enumeration<URL> entries = ref.getBundle().findEntries(location, "*.sql", false);
            for (URL url : entries == null ? Collections.<URL>emptyList() : Collections.list(entries)) {
                found.put(fileName(url.getPath()), url);
            }
            return found;
        }
        try {
            for (URL folder : Collections.list(loader.getResources(location))) {
                for (String name : list(folder, location)) {
                    // The same lookup class loading does: the first folder on the path holding the name wins.
                    found.putIfAbsent(name, loader.getResource(location + "/" + name));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + location + ": " + e.getMessage(), e);
        }
        return found;
    }

    private static List<String> list(URL folder, String location) throws IOException {
        List<String> names = new ArrayList<>();
        switch (folder.getProtocol()) {
            case "file" -> {
                try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
                    files.filter(p -> p.getFileName().toString().endsWith(".sql") && Files.isRegularFile(p))
                            .forEach(p -> names.add(p.getFileName().toString()));
                } catch (URISyntaxException e) {
                    throw new IOException("bad folder URL " + folder, e);
                }
            }
            case "jar" -> {
                JarURLConnection connection = (JarURLConnection) folder.openConnection();
                connection.setUseCaches(false);
                String prefix = location + "/";
                try (JarFile jar = connection.getJarFile()) {
                    for (JarEntry e : Collections.list(jar.entries())) {
                        String rest = e.getName().startsWith(prefix) ? e.getName().substring(prefix.length()) : "";
                        if (rest.endsWith(".sql") && !rest.contains("/")) {
                            names.add(rest);
                        }
                    }
                }
            }
            default -> throw new IOException("cannot list scripts at " + folder + " (" + folder.getProtocol()
                    + " URLs are not supported)");
        }
        return names;
    }

    private static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
