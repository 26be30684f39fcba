package io.weft.drm.client.log;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * An append-only text file that is renamed to {@code name.1} (and older ones shifted up to
 * {@code name.N}) when it exceeds its size limit. JDK only, so an application needs no logging backend
 * configured for the DRM logs to exist. Thread-safe; a line is written whole and flushed.
 */
final class RotatingFile implements AutoCloseable {

    private final Path file;
    private final long maxBytes;
    private final int keep;
    private OutputStream out;
    private long size;
    private boolean broken;

    RotatingFile(Path file, long maxBytes, int keep) {
        this.file = file;
        this.maxBytes = maxBytes;
        this.keep = keep;
    }

    /**
     * Appends the line (a newline is added). A file that cannot be written is reported once on
     * stderr and then skipped: the application keeps running without this log.
     */
    synchronized void append(String line) {
        if (broken) {
            return;
        }
        byte[] bytes = (line + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        try {
            if (out == null) {
                open();
            }
            if (size > 0 && size + bytes.length > maxBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            size += bytes.length;
        } catch (IOException e) {
            broken = true;
            System.err.println("weft drm client: cannot write " + file + ", this log is off: " + e);
        }
    }

    private void open() throws IOException {
        Files.createDirectories(file.getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        size = Files.size(file);
    }

    private void rotate() throws IOException {
        out.close();
        out = null;
        Files.deleteIfExists(sibling(keep));
        for (int i = keep - 1; i >= 1; i--) {
            Path older = sibling(i);
            if (Files.exists(older)) {
                Files.move(older, sibling(i + 1), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(file, sibling(1), StandardCopyOption.REPLACE_EXISTING);
        open();
    }

    private Path sibling(int generation) {
        return file.resolveSibling(file.getFileName() + "." + generation);
    }

    @Override
    public synchronized void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // Nothing left to flush into: the lines were flushed when written.
            }
            out = null;
        }
    }
}
