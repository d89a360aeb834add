package org.is3.pipeline.broker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.is3.core.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The broker in a JVM of its own ({@link BrokerProcess}), as {@code is3 up} runs it. */
class BrokerProcessTest {

    private static final long PROCESS_LIMIT_SECONDS = 60;

    @TempDir
    Path home;

    @TempDir
    Path logs;

    @Test
    void aSecondProcessCannotStartABrokerOnAJournalInUse() throws Exception {
        Path log = logs.resolve("hold.log");
        Process holder = launch("hold", log);
        InputException inUse;
        try {
            awaitLine(holder, log, "READY");
            inUse = assertThrows(InputException.class, () -> Broker.start(BrokerConfig.embedded(home)));
        } finally {
            holder.destroyForcibly().waitFor();
        }
        assertEquals("broker journal " + home.resolve("broker") + " is in use by another running broker"
                + " (pid " + holder.pid() + "); stop it, or give this process another is3 home",
                inUse.getMessage());

        try (Broker broker = Broker.start(BrokerConfig.embedded(home))) {
            assertEquals(Long.toString(ProcessHandle.current().pid()),
                    Files.readString(home.resolve("broker/owner.pid"), StandardCharsets.UTF_8),
                    "kill -9 of the holder released the journal to this process");
        }
    }

    @Test
    void aClosedBrokerLetsTheJvmExitByItself() throws Exception {
        Path log = logs.resolve("start-stop.log");
        Process child = launch("start-stop", log);

        boolean exited = child.waitFor(PROCESS_LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!exited) {
            child.destroyForcibly().waitFor();
        }

        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertTrue(exited, "the JVM did not exit after Broker.close():\n" + output);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("CLOSED_MS "), output);
        assertFalse(output.contains("THREAD "), "non-daemon threads outlived close():\n" + output);
    }

    private Process launch(String mode, Path log) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                BrokerProcess.class.getName(), mode, home.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    private static void awaitLine(Process process, Path log, String prefix) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(PROCESS_LIMIT_SECONDS);
        while (System.nanoTime() < deadline) {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                if (line.startsWith(prefix)) {
                    return;
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
