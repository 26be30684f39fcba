package io.weft.registry.meta.raft;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Keeps a meta data directory to one member at a time, in this JVM and across processes. JRaft would find
 * out itself (RocksDB's lock), but only halfway through starting a node, which it then cannot stop cleanly
 * ({@code Node.join()} waits forever for a log manager that never started). Taken before JRaft opens
 * anything, released after JRaft has closed everything.
 */
final class DataDirectoryLock implements AutoCloseable {

    /** Beside JRaft's {@code log/}, {@code meta/} and {@code snapshot/}. */
    static final String FILE = "weft-meta.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * @param dir an existing directory
     * @throws IllegalStateException when another member (of this or another process) holds it, or the lock
     *                               file cannot be written
     */
    static DataDirectoryLock acquire(Path dir) {
        Path file = dir.resolve(FILE);
        FileChannel channel;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // held by this JVM
        } catch (IOException e) {
            closeQuietly(channel);
            throw new IllegalStateException("cannot lock " + file + ": " + e.getMessage(), e);
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new IllegalStateException("the data directory " + dir + " is in use by another meta server"
                    + " (it holds " + file + "): give each member a directory of its own");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // Closing the channel below releases it as well.
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Nothing is left to release.
        }
    }
}
