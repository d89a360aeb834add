package org.is3.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * PostgreSQL 17 (zonky binaries) running on a persistent data directory. zonky runs initdb only
 * when the directory has no {@code postgresql.conf} and, with {@code cleanDataDirectory} off,
 * never deletes it, so the data survive restarts. Ownership and leftovers of killed runs are
 * handled here before zonky is asked to start ({@link DataDirectoryLock}, {@link LeftoverPostmaster}).
 */
final class EmbeddedServer implements AutoCloseable {

    static final String DATABASE = "is3";
    static final String SUPERUSER = "postgres";

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    /** Generous: the first start after a crash replays the WAL before it accepts connections. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(60);

    private final EmbeddedPostgres postgres;
    private final DataDirectoryLock lock;
    private final Path dataDirectory;

    private EmbeddedServer(EmbeddedPostgres postgres, DataDirectoryLock lock, Path dataDirectory) {
        this.postgres = postgres;
        this.lock = lock;
        this.dataDirectory = dataDirectory;
    }

    /** Starts the server on {@code dataDirectory} (initdb on first use); port 0 = any free port. */
    static EmbeddedServer start(Path dataDirectory, int port) {
        long started = System.nanoTime();
        DataDirectoryLock lock = DataDirectoryLock.acquire(dataDirectory);
        EmbeddedPostgres postgres = null;
        try {
            LeftoverPostmaster.clear(dataDirectory);
            if (port != 0) {
                requireFreePort(port, dataDirectory);
            }
            boolean fresh = !Files.exists(dataDirectory.resolve("postgresql.conf"));
            postgres = launch(dataDirectory, port);
            requireOwnServer(postgres, dataDirectory);
            createDatabaseIfMissing(postgres);
            EmbeddedServer server = new EmbeddedServer(postgres, lock, dataDirectory);
            lock.describeOwner(ProcessHandle.current().pid(), server.jdbcUrl());
            LOG.info("embedded PostgreSQL ready in {} ms ({}) at {}", millisSince(started),
                    fresh ? "new data directory, initdb" : "existing data directory", server.jdbcUrl());
            return server;
        } catch (RuntimeException e) {
            closeQuietly(postgres);
            lock.close();
            throw e;
        }
    }

    String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/" + DATABASE + "?user=" + SUPERUSER;
    }

    /** Stops PostgreSQL (fast mode: open sessions are ended, committed data are on disk) and unlocks. */
    @Override
    public void close() {
        long started = System.nanoTime();
        try {
            closeQuietly(postgres);
        } finally {
            lock.close();
        }
        LOG.info("embedded PostgreSQL in {} stopped in {} ms", dataDirectory, millisSince(started));
    }

    private static EmbeddedPostgres launch(Path dataDirectory, int port) {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // Database closes the server itself, in order, from its own hook.
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(STARTUP_WAIT)
                    // zonky turns this off for tests; a dataset store keeps every commit it acknowledged.
                    .setServerConfig("synchronous_commit", "on")
                    // Same collation and case rules on every host, whatever its OS locales.
                    .setLocaleConfig("locale", "C")
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DatabaseStartException("the embedded PostgreSQL in " + dataDirectory
                    + " did not start" + (port == 0 ? "" : " on port " + port) + ": " + e.getMessage()
                    + " (PostgreSQL's own log lines above say why; a data directory left half-made by"
                    + " an interrupted first start can be deleted)", e);
        }
    }

    /**
     * Fails before starting when something listens on the port already: zonky would otherwise
     * take that listener (another is3 home, any PostgreSQL) for the server it just started.
     */
    private static void requireFreePort(int port, Path dataDirectory) {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new DatabaseStartException("port " + port + " on localhost, wanted by the embedded PostgreSQL of "
                    + dataDirectory + ", is already in use by another program (another is3 home or a"
                    + " PostgreSQL server?); choose another database port, or 0 for any free port");
        }
    }

    /** Guards against a race on the port: the server that answered must serve our directory. */
    private static void requireOwnServer(EmbeddedPostgres postgres, Path dataDirectory) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SHOW data_directory")) {
            row.next();
            Path served = Path.of(row.getString(1)).toRealPath();
            if (!served.equals(dataDirectory.toRealPath())) {
                throw new DatabaseStartException("port " + postgres.getPort() + " is answered by a PostgreSQL"
                        + " serving " + served + ", not " + dataDirectory + "; choose another database port");
            }
        } catch (SQLException | IOException e) {
            throw new DatabaseStartException("cannot check the embedded PostgreSQL of " + dataDirectory
                    + ": " + e.getMessage(), e);
        }
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres postgres) {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet row = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (row.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new DatabaseStartException("cannot create database " + DATABASE
                    + " in the embedded PostgreSQL on port " + postgres.getPort() + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("stopping the embedded PostgreSQL failed: {}", e.getMessage());
        }
    }

    static long millisSince(long nanoTime) {
        return (System.nanoTime() - nanoTime) / 1_000_000;
    }
}
