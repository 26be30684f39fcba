package io.weft.store.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import org.flywaydb.core.api.resource.LoadableResource;

/** One migration script, read as UTF-8 from its URL each time Flyway asks (checksum, then execution). */
final class ScriptResource extends LoadableResource {

    private final String location;
    private final String fileName;
    private final URL url;

    ScriptResource(String location, String fileName, URL url) {
        this.location = location;
        this.fileName = fileName;
        this.url = url;
    }

    @Override
    public Reader read() {
        try {
            return new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read migration script " + location + "/" + fileName, e);
        }
    }

    @Override
    public String getAbsolutePath() {
        return location + "/" + fileName;
    }

    @Override
    public String getAbsolutePathOnDisk() {
        return url.toString();
    }

    @Override
    public String getFilename() {
        return fileName;
    }

    /** What Flyway records as the script in the history table: the file name, stable across upgrades. */
    @Override
    public String getRelativePath() {
        return fileName;
    }
}
