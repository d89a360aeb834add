package org.is3.pipeline.broker;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.is3.core.InputException;

/**
 * The directory an embedded broker keeps its journal in, checked before Artemis sees it (Artemis
 * reports an unwritable directory or a held lock in terms of its internals). The pid of the
 * process whose broker owns the journal is written to {@value #OWNER_FILE} so that a second
 * is3 on the same home can name it.
 */
record BrokerDirectory(Path path) {

    static final String OWNER_FILE = "owner.pid";
    /** The TCP URL of the owning broker's acceptor, when it has one: how other processes join it. */
    static final String URL_FILE = "owner.url";
    /**
     * The file whose lock marks the primary (live) broker of this journal: Artemis 2.56's file
     * lock node manager locks it whole while the broker runs (seen in /proc/locks).
     */
    static final String LOCK_FILE = "serverlock.1";

    static BrokerDirectory prepare(Path path) {
        try {
            Files.createDirectories(path);
        } catch (FileAlreadyExistsException e) {
            throw new InputException("broker directory " + path + " exists but is not a directory");
        } catch (IOException e) {
            throw new InputException("broker directory " + path + " cannot be created: " + e, e);
        }
        Path probe = path.resolve(".writable");
        try {
            Files.deleteIfExists(probe);
            Files.createFile(probe);
            Files.delete(probe);
        } catch (IOException e) {
            throw new InputException("broker directory " + path + " is not writable: " + e, e);
        }
        return new BrokerDirectory(path);
    }

    void recordOwner(String remoteUrl) {
        try {
            Files.writeString(path.resolve(OWNER_FILE), Long.toString(ProcessHandle.current().pid()),
                    StandardCharsets.UTF_8);
            if (remoteUrl.isEmpty()) {
                Files.deleteIfExists(path.resolve(URL_FILE));
            } else {
                Files.writeString(path.resolve(URL_FILE), remoteUrl, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new InputException("broker directory " + path + " is not writable: " + e, e);
        }
    }

    /**
     * Whether another live broker holds the journal's lock. The lock is a POSIX record lock,
     * which conflicts with ours, and the OS drops it when its process dies.
     */
    boolean lockedByAnotherBroker() {
        Path lockFile = path.resolve(LOCK_FILE);
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
             FileLock lock = channel.tryLock()) {
            return lock == null;
        } catch (OverlappingFileLockException e) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The URL the owning broker accepts TCP clients on, if it recorded one. */
    java.util.Optional<String> ownerUrl() {
        try {
            String url = Files.readString(path.resolve(URL_FILE), StandardCharsets.UTF_8).strip();
            return url.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(url);
        } catch (IOException e) {
            return java.util.Optional.empty();
        }
    }

    InputException inUse(Exception cause) {
        return new InputException("broker journal " + path + " is in use by another running"
                + " broker" + owner() + "; stop it, or give this process another is3 home", cause);
    }

    private String owner() {
        try {
            String pid = Files.readString(path.resolve(OWNER_FILE), StandardCharsets.UTF_8).strip();
            boolean alive = ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive).orElse(false);
            return alive ? " (pid " + pid + ")" : "";
        } catch (IOException | NumberFormatException e) {
            return "";
        }
    }
}
