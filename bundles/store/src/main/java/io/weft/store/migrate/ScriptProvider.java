package io.weft.store.migrate;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.flywaydb.core.api.ResourceProvider;
import org.flywaydb.core.api.resource.LoadableResource;

/** Hands Flyway the scripts of one owner's folder, listed once by {@link ScriptCatalog}. */
final class ScriptProvider implements ResourceProvider {

    private final Map<String, ScriptResource> scripts;

    ScriptProvider(ClassLoader loader, String location) {
        this.scripts = ScriptCatalog.scripts(loader, location).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey,
                        e -> new ScriptResource(location, e.getKey(), e.getValue())));
    }

    int size() {
        return scripts.size();
    }

    @Override
    public LoadableResource getResource(String name) {
        return scripts.get(name.substring(name.lastIndexOf('/') + 1));
    }

    @Override
    public Collection<LoadableResource> getResources(String prefix, String[] suffixes) {
        return scripts.values().stream()
                .filter(s -> s.getFilename().startsWith(prefix)
                        && Stream.of(suffixes).anyMatch(suffix -> s.getFilename().endsWith(suffix)))
                .sorted()
                .collect(Collectors.<LoadableResource>toList());
    }

    List<String> names() {
        return scripts.keySet().stream().sorted().toList();
    }
}
