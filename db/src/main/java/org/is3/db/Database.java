package org.is3.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.hibernate.cfg.JdbcSettings;
import org.hibernate.cfg.SchemaToolingSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The is3 database, ready to use: the embedded PostgreSQL (started here) or an external server,
 * migrated by Flyway to the latest schema, with one HikariCP pool shared by Flyway, Hibernate and
 * {@link #dataSource()} callers, and a Jakarta Persistence factory whose mappings Hibernate has
 * validated against the migrated schema.
 *
 * <p>{@link #start} registers a JVM shutdown hook that closes the database, so Ctrl-C never leaves
 * an embedded PostgreSQL running; {@link #close()} is idempotent and removes the hook.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** How long {@link #connect} waits for a starting owner to write its url (its start-up wait). */
    static final long JOIN_WAIT_SECONDS = 60;
    private static final long JOIN_POLL_MILLIS = 200;

    private final EmbeddedServer server;
    private final HikariDataSource dataSource;
    private final EntityManagerFactory entityManagerFactory;
    private final String jdbcUrl;
    private final Thread shutdownHook;
    private boolean closed;

    private Database(EmbeddedServer server, HikariDataSource dataSource,
                     EntityManagerFactory entityManagerFactory, String jdbcUrl) {
        this.server = server;
        this.dataSource = dataSource;
        this.entityManagerFactory = entityManagerFactory;
        this.jdbcUrl = jdbcUrl;
        this.shutdownHook = new Thread(this::close, "is3-db-shutdown");
    }

    /**
     * Starts (embedded) or connects to (external) the database, migrates it and opens JPA.
     *
     * @throws DatabaseStartException when any step fails; its message names the url or directory
     */
    public static Database start(DatabaseConfig config) {
        long started = System.nanoTime();
        EmbeddedServer server = config.embedded()
                ? EmbeddedServer.start(config.dataDirectory(), config.port()) : null;
        String url = server != null ? server.jdbcUrl() : config.url();
        HikariDataSource dataSource = null;
        EntityManagerFactory entityManagerFactory = null;
        try {
            probe(url, config);
            dataSource = openPool(url, config);
            migrate(dataSource, url);
            entityManagerFactory = openJpa(dataSource, url);
            Database database = new Database(server, dataSource, entityManagerFactory, url);
            Runtime.getRuntime().addShutdownHook(database.shutdownHook);
            LOG.info("database ready in {} ms at {}", EmbeddedServer.millisSince(started),
                    DatabaseConfig.withoutPassword(url));
            return database;
        } catch (RuntimeException e) {
            closeAll(entityManagerFactory, dataSource, server);
            throw e;
        }
    }

    /**
     * Like {@link #start}, except that an embedded home already served by another live is3 is
     * joined instead of refused: this process connects, as an external client, to the url that
     * is3 wrote into the home's lock file ({@code <home>/pg.lock}). For short-lived commands
     * (e.g. {@code is3 eval admin}) that must work whether or not a server runs on the same home;
     * services keep using {@link #start}, so two processes never serve one data directory.
     *
     * <p>An owner that is still starting has not written its url yet; this waits for it up to
     * {@link #JOIN_WAIT_SECONDS} seconds. An owner that exits meanwhile frees the home, and this
     * process then starts the embedded server itself.
     *
     * @throws DatabaseStartException as {@link #start} does, or when the owner never wrote a url
     */
    public static Database connect(DatabaseConfig config) {
        if (!config.embedded()) {
            return start(config);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(JOIN_WAIT_SECONDS);
        while (true) {
            try {
                return start(config);
            } catch (DataDirectoryInUseException inUse) {
                Optional<String> url = inUse.ownerUrl();
                if (url.isPresent()) {
                    LOG.info("home {} is served by another running is3; joining its database at {}",
                            config.home(), DatabaseConfig.withoutPassword(url.get()));
                    return start(DatabaseConfig.external(config.home(), url.get(), null, null)
                            .withPoolSize(config.poolSize()));
                }
                if (System.nanoTime() > deadline) {
                    throw inUse;
                }
                pause(JOIN_POLL_MILLIS);
            }
        }
    }

    /** The shared connection pool. */
    public DataSource dataSource() {
        return dataSource;
    }

    public EntityManagerFactory entityManagerFactory() {
        return entityManagerFactory;
    }

    /**
     * The url other processes can connect with: for the embedded server
     * {@code jdbc:postgresql://localhost:<port>/is3?user=postgres}, else the configured url.
     */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    /** Whether this process started and owns the PostgreSQL server. */
    public boolean embedded() {
        return server != null;
    }

    /**
     * Runs {@code work} in one transaction on a fresh entity manager: committed when it returns,
     * rolled back when it throws (the exception propagates).
     */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return entityManagerFactory.callInTransaction(work);
    }

    /** Closes JPA, the pool, then the embedded server, in that order. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting; the hook runs this method and finds it done.
            }
        }
        closeAll(entityManagerFactory, dataSource, server);
    }

    /**
     * One plain connection first: a wrong url, user or password fails here with the driver's own
     * reason, before the pool logs its retries and stack traces.
     */
    private static void probe(String url, DatabaseConfig config) {
        Properties properties = new Properties();
        if (config.user() != null) {
            properties.setProperty("user", config.user());
        }
        if (config.password() != null) {
            properties.setProperty("password", config.password());
        }
        properties.setProperty("loginTimeout", "30");
        try (Connection connection = DriverManager.getConnection(url, properties)) {
            connection.isValid(5);
        } catch (SQLException e) {
            String reason = withoutSecrets(String.valueOf(e.getMessage()), config.password());
            String message = "cannot connect to PostgreSQL at " + DatabaseConfig.withoutPassword(url)
                    + (config.user() == null ? "" : " as user " + config.user()) + ": " + reason;
            // A driver message that echoed a secret stays out of the cause chain, and so out of stack traces.
            throw reason.equals(e.getMessage())
                    ? new DatabaseStartException(message, e) : new DatabaseStartException(message);
        }
    }

    private static String withoutSecrets(String text, String password) {
        String masked = DatabaseConfig.withoutPassword(text);
        return password == null || password.isEmpty() ? masked : masked.replace(password, "***");
    }

    private static HikariDataSource openPool(String url, DatabaseConfig config) {
        HikariConfig pool = new HikariConfig();
        pool.setPoolName("is3-db");
        pool.setJdbcUrl(url);
        if (config.user() != null) {
            pool.setUsername(config.user());
        }
        if (config.password() != null) {
            pool.setPassword(config.password());
        }
        pool.setMaximumPoolSize(config.poolSize());
        // Many processes may share one server: connections beyond these are returned when idle.
        pool.setMinimumIdle(DatabaseConfig.MIN_POOL_SIZE);
        return new HikariDataSource(pool);
    }

    private static void migrate(DataSource dataSource, String url) {
        long started = System.nanoTime();
        try {
            int applied = Flyway.configure()
                    .dataSource(dataSource)
                    .locations(Schema.MIGRATIONS)
                    .validateMigrationNaming(true)
                    .load()
                    .migrate()
                    .migrationsExecuted;
            LOG.info("schema migrated in {} ms ({} migrations applied)", EmbeddedServer.millisSince(started), applied);
        } catch (FlywayException e) {
            throw new DatabaseStartException("migrating the database at " + DatabaseConfig.withoutPassword(url)
                    + " failed: " + e.getMessage(), e);
        }
    }

    private static EntityManagerFactory openJpa(DataSource dataSource, String url) {
        long started = System.nanoTime();
        try {
            EntityManagerFactory factory = new HibernatePersistenceConfiguration("is3")
                    .managedClasses(Schema.ENTITIES)
                    .property(JdbcSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
                    // Flyway owns the schema; Hibernate only checks that the mappings fit it.
                    .property(SchemaToolingSettings.HBM2DDL_AUTO, "validate")
                    .createEntityManagerFactory();
            LOG.info("JPA ready in {} ms", EmbeddedServer.millisSince(started));
            return factory;
        } catch (PersistenceException e) {
            // Schema validation failures read "Schema-validation: missing column [x] in table [y]".
            throw new DatabaseStartException("starting JPA on the database at "
                    + DatabaseConfig.withoutPassword(url) + " failed: " + innermostMessage(e), e);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatabaseStartException("interrupted while waiting for another is3 to start its database", e);
        }
    }

    /** Hibernate wraps the reason in "Unable to build Hibernate SessionFactory". */
    private static String innermostMessage(Throwable error) {
        String message = error.getMessage();
        for (Throwable cause = error.getCause(); cause != null && cause != error; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                message = cause.getMessage();
            }
            error = cause;
        }
        return message;
    }

    private static void closeAll(EntityManagerFactory entityManagerFactory, HikariDataSource dataSource,
                                 EmbeddedServer server) {
        try {
            if (entityManagerFactory != null) {
                entityManagerFactory.close();
            }
        } catch (RuntimeException e) {
            LOG.warn("closing JPA failed: {}", e.getMessage());
        }
        try {
            if (dataSource != null) {
                dataSource.close();
            }
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }
}
