package org.is3.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Clears what an is3 that was killed ({@code kill -9}, a crash) leaves in its data directory, so
 * the next start needs no hand work. Called only while holding the {@link DataDirectoryLock}, so
 * no live is3 owns the directory:
 * <ul>
 *   <li>its postmaster still running (the JVM died, PostgreSQL did not): stop it, fast mode;</li>
 *   <li>a {@code postmaster.pid} naming a dead process, or a pid since reused by an unrelated
 *       process (PostgreSQL would refuse to start on the latter): delete the file.</li>
 * </ul>
 */
final class LeftoverPostmaster {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverPostmaster.class);
    private static final long STOP_WAIT_SECONDS = 30;
    private static final long POLL_MILLIS = 50;

    private LeftoverPostmaster() {
    }

    static void clear(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        long pid = readPid(pidFile);
        Optional<ProcessHandle> process = pid > 0
                ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isPresent() && servesDirectory(process.get(), dataDirectory)) {
            LOG.warn("stopping PostgreSQL pid {} left running in {} by an is3 that did not shut down",
                    pid, dataDirectory);
            stop(process.get(), pidFile);
        }
        deleteIfPresent(pidFile, pid);
    }

    /** The postmaster's pid, the file's first line; 0 for a torn file (a kill during start-up). */
    private static long readPid(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.UTF_8);
            return lines.isEmpty() ? 0 : Long.parseLong(lines.get(0).trim());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Whether {@code process} is a postmaster of {@code dataDirectory}: pg_ctl starts it as
     * {@code postgres -D <dir> …} and the postmaster keeps that command line. Deleting the
     * postmaster.pid of a live postmaster would let a second one onto the same files, so when in
     * doubt this refuses rather than guesses.
     */
    private static boolean servesDirectory(ProcessHandle process, Path dataDirectory) {
        ProcessHandle.Info info = process.info();
        Optional<String> user = info.user();
        if (user.isPresent() && !user.equals(ProcessHandle.current().info().user())) {
            return false; // our postmasters run as this user
        }
        if (info.command().isEmpty() || info.arguments().isEmpty()) {
            throw new DatabaseStartException("the PostgreSQL data directory " + dataDirectory
                    + " has a postmaster.pid naming the running process " + process.pid()
                    + ", whose command line cannot be read; stop that process if it is PostgreSQL,"
                    + " or delete postmaster.pid if it is not");
        }
        if (!info.command().get().endsWith("/postgres")) {
            return false;
        }
        String[] arguments = info.arguments().get();
        for (int i = 0; i + 1 < arguments.length; i++) {
            if (arguments[i].equals("-D")) {
                return sameDirectory(Path.of(arguments[i + 1]), dataDirectory);
            }
        }
        throw new DatabaseStartException("the PostgreSQL data directory " + dataDirectory
                + " has a postmaster.pid naming PostgreSQL process " + process.pid()
                + " whose command line names no data directory; stop it if it serves " + dataDirectory);
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return false; // one of them does not exist: not the same
        }
    }

    /**
     * Asks for a fast shutdown (SIGINT: sessions are ended, a checkpoint is written) and waits for
     * PostgreSQL's last act, the removal of postmaster.pid; a process that is gone or a zombie its
     * new parent has not reaped yet counts as stopped too.
     */
    private static void stop(ProcessHandle process, Path pidFile) {
        if (!signalFastShutdown(process.pid())) {
            process.destroy(); // SIGTERM, a smart shutdown: enough once its clients are gone
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (process.isAlive() && Files.exists(pidFile)) {
            if (System.nanoTime() > deadline) {
                LOG.warn("PostgreSQL pid {} did not stop in {} s; killing it (the next start recovers)",
                        process.pid(), STOP_WAIT_SECONDS);
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return;
            }
            sleep(POLL_MILLIS);
        }
    }

    /** Java sends only SIGTERM and SIGKILL; pg_ctl refuses to run as root, which zonky allows. */
    private static boolean signalFastShutdown(long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(pid))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while stopping PostgreSQL pid " + pid, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while waiting for PostgreSQL to stop", e);
        }
    }

    private static void deleteIfPresent(Path pidFile, long pid) {
        try {
            if (Files.deleteIfExists(pidFile)) {
                LOG.info("removed stale {} (pid {} no longer runs this PostgreSQL)", pidFile, pid);
            }
        } catch (IOException e) {
            throw new DatabaseStartException("cannot remove the stale " + pidFile + ": " + e.getMessage(), e);
        }
    }
}
