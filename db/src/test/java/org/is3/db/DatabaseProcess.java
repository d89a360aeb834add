package org.is3.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.is3.db.servicestart.ServiceStartRepository;

/**
 * An is3-like process for tests that need a JVM of its own: {@code hold <home>} starts the
 * embedded database, records a start, prints {@code READY <url>} and waits to be killed;
 * {@code start-stop <home>} starts, records, closes, prints {@code STARTED_MS}/{@code CLOSED_MS}
 * and any non-daemon thread still alive ({@code THREAD <name>}), then returns from main.
 */
public final class DatabaseProcess {

    private DatabaseProcess() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path home = Path.of(args[1]);
        long started = System.nanoTime();
        Database database = Database.start(DatabaseConfig.embedded(home).withPort(0));
        long startedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        new ServiceStartRepository(database).record(mode, "test-host", null);
        if (mode.equals("hold")) {
            System.out.println("READY " + database.jdbcUrl());
            System.out.flush();
            holdUntilKilled();
        }
        long closing = System.nanoTime();
        database.close();
        long closedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - closing);
        System.out.println("STARTED_MS " + startedMs);
        System.out.println("CLOSED_MS " + closedMs);
        for (String thread : nonDaemonThreads()) {
            System.out.println("THREAD " + thread);
        }
    }

    private static void holdUntilKilled() throws IOException {
        while (System.in.read() >= 0) {
            // the test kills this process; end of input ends it as well
        }
    }

    private static List<String> nonDaemonThreads() {
        List<String> names = new ArrayList<>();
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.isDaemon() && thread.isAlive() && thread != Thread.currentThread()) {
                names.add(thread.getName());
            }
        }
        return names;
    }

    /** How long a test waits for a child JVM before it gives up. */
    static final long PROCESS_LIMIT_SECONDS = 120;

    /** Starts this main in a child JVM with the test class path; its output goes to {@code log}. */
    static Process launch(String mode, Path home, Path log) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-Dorg.jboss.logging.provider=slf4j",
                "-cp", System.getProperty("java.class.path"),
                DatabaseProcess.class.getName(), mode, home.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** The first line of the child's output that starts with {@code prefix}; kills the child if none comes. */
    static String awaitLine(Process process, Path log, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return line;
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(100);
        }
        process.destroyForcibly().waitFor();
        throw new AssertionError("no line starting with '" + prefix + "' from the child:\n"
                + Files.readString(log, StandardCharsets.UTF_8));
    }
}
