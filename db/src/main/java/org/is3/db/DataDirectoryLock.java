package org.is3.db;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Marks an embedded data directory as owned by one running is3. The lock is an OS file lock on
 * {@code <data dir>.lock}, so it disappears with its process, even after {@code kill -9}: a held
 * lock always means a live owner, and a free one means any postmaster still running in the
 * directory is an orphan. The file also tells others who holds it (pid and url).
 */
final class DataDirectoryLock implements AutoCloseable {

    /**
     * Directories locked by this JVM, with their owner text. Checked before any channel is opened:
     * closing any descriptor of a locked file drops the process's POSIX lock on it, so a second
     * Database in this JVM must not even open (or read) the lock file.
     */
    private static final Map<Path, String> HELD_IN_THIS_JVM = new ConcurrentHashMap<>();

    private final Path directory;
    private final Path file;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, Path file, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.file = file;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the lock of {@code dataDirectory} or fails saying which is3 holds it. */
    static DataDirectoryLock acquire(Path requestedDirectory) {
        Path dataDirectory = canonical(requestedDirectory);
        Path file = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".lock");
        String heldHere = HELD_IN_THIS_JVM.putIfAbsent(dataDirectory, "");
        if (heldHere != null) {
            throw inUse(dataDirectory, heldHere);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = tryLock(channel);
            if (lock == null) {
                closeQuietly(channel);
                channel = null;
                throw inUse(dataDirectory, readOwner(file));
            }
            return new DataDirectoryLock(dataDirectory, file, channel, lock);
        } catch (IOException e) {
            HELD_IN_THIS_JVM.remove(dataDirectory);
            closeQuietly(channel);
            throw new DatabaseStartException("cannot lock the PostgreSQL data directory " + dataDirectory
                    + " through " + file + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            HELD_IN_THIS_JVM.remove(dataDirectory);
            closeQuietly(channel);
            throw e;
        }
    }

    /** Writes who holds the lock, for the message another is3 gets. */
    void describeOwner(long pid, String jdbcUrl) {
        String owner = "pid=" + pid + "\nurl=" + jdbcUrl + "\n";
        HELD_IN_THIS_JVM.put(directory, owner);
        byte[] text = owner.getBytes(StandardCharsets.UTF_8);
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(text), 0);
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the owner of " + file, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.truncate(0);
            lock.release();
        } catch (IOException e) {
            // The lock goes with the channel anyway; only the stale owner text may remain.
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(directory);
        }
    }

    /** One key per directory however it is spelled (symbolic links, relative paths). */
    private static Path canonical(Path directory) {
        Path absolute = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(absolute.getParent());
            return absolute.getParent().toRealPath().resolve(absolute.getFileName());
        } catch (IOException e) {
            throw new DatabaseStartException("cannot create " + absolute.getParent() + ": " + e.getMessage(), e);
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException sameJvm) {
            // Held in this JVM under a name the map did not catch: in use all the same.
            return null;
        }
    }

    private static String readOwner(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return ""; // the owner is unknown; the message stands without it
        }
    }

    private static DataDirectoryInUseException inUse(Path dataDirectory, String ownerText) {
        return new DataDirectoryInUseException(inUseMessage(dataDirectory, ownerText), field(ownerText, "url"));
    }

    private static String inUseMessage(Path dataDirectory, String ownerText) {
        String pid = field(ownerText, "pid");
        String url = field(ownerText, "url");
        String owner = pid == null ? "" : " (pid " + pid + (url == null ? "" : ", database " + url) + ")";
        return "the PostgreSQL data directory " + dataDirectory + " is in use by another running is3"
                + owner + ". Stop that is3 first, start this one with another home directory, "
                + "or share its database by giving its url (--db-url)";
    }

    private static String field(String text, String name) {
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "=")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel == null) {
            return;
        }
        try {
            channel.close();
        } catch (IOException e) {
            // Nothing left to release.
        }
    }
}
