package org.is3.db;

import java.nio.file.Path;
import java.util.regex.Pattern;
import org.is3.core.InputException;

/**
 * Where the database lives. Without a {@code url} the database is an embedded PostgreSQL whose data
 * directory is {@code <home>/pg}; with one it is that external server and {@code home} holds only
 * the other services' files. This record reads no environment: the CLI maps its flags and
 * variables ({@code --db-url}, {@code IS3_DB_URL}, …) onto it.
 *
 * @param home     the is3 home directory ({@code IS3_HOME}, by default {@code ~/.is3})
 * @param url      JDBC url of an external PostgreSQL server, or null for the embedded one
 * @param user     user for the external server, or null to take it from the url
 * @param password password for the external server, or null to take it from the url (or none)
 * @param port     TCP port of the embedded server on localhost; 0 picks any free port
 * @param poolSize most connections this process holds open at once, at least {@link #MIN_POOL_SIZE}
 */
public record DatabaseConfig(Path home, String url, String user, String password, int port, int poolSize) {

    /** Stable, so other processes can reach the embedded server of {@code is3 up} by a known url. */
    public static final int DEFAULT_PORT = 15432;
    public static final int DEFAULT_POOL_SIZE = 10;
    /** Flyway holds one connection for its schema-history lock and migrates on another. */
    public static final int MIN_POOL_SIZE = 2;

    private static final String URL_PREFIX = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)((?:ssl)?password=)[^&]*");

    public DatabaseConfig {
        if (home == null) {
            throw new InputException("database config: home directory is missing");
        }
        if (url != null && !url.startsWith(URL_PREFIX)) {
            throw new InputException("database url '" + withoutPassword(url)
                    + "' is not a PostgreSQL JDBC url (expected jdbc:postgresql://host:port/database)");
        }
        if (url == null && (user != null || password != null)) {
            throw new InputException("a database user or password applies only to an external server "
                    + "given by a database url; the embedded PostgreSQL needs neither");
        }
        if (port < 0 || port > 65535) {
            throw new InputException("database port " + port + " is outside 0..65535 (0 = any free port)");
        }
        if (poolSize < MIN_POOL_SIZE) {
            throw new InputException("database pool size " + poolSize + " must be at least " + MIN_POOL_SIZE
                    + " (Flyway migrates through two connections of the pool)");
        }
    }

    /** Embedded PostgreSQL under {@code home} on {@link #DEFAULT_PORT}. */
    public static DatabaseConfig embedded(Path home) {
        return new DatabaseConfig(home, null, null, null, DEFAULT_PORT, DEFAULT_POOL_SIZE);
    }

    /** The external PostgreSQL server at {@code url}; user and password may be null. */
    public static DatabaseConfig external(Path home, String url, String user, String password) {
        if (url == null) {
            throw new InputException("an external database needs a url (jdbc:postgresql://host:port/database)");
        }
        return new DatabaseConfig(home, url, user, password, DEFAULT_PORT, DEFAULT_POOL_SIZE);
    }

    /** {@code ~/.is3}, from the {@code user.home} system property. */
    public static Path defaultHome() {
        return Path.of(System.getProperty("user.home"), ".is3");
    }

    public DatabaseConfig withPort(int newPort) {
        return new DatabaseConfig(home, url, user, password, newPort, poolSize);
    }

    public DatabaseConfig withPoolSize(int newPoolSize) {
        return new DatabaseConfig(home, url, user, password, port, newPoolSize);
    }

    public boolean embedded() {
        return url == null;
    }

    /** The embedded server's data directory, {@code <home>/pg}. */
    public Path dataDirectory() {
        return home.toAbsolutePath().normalize().resolve("pg");
    }

    /** The password never reaches a log line or a message through this record. */
    @Override
    public String toString() {
        return "DatabaseConfig[home=" + home
                + ", url=" + (url == null ? "embedded" : withoutPassword(url))
                + ", user=" + user
                + ", password=" + (password == null ? "none" : "***")
                + ", port=" + port + ", poolSize=" + poolSize + "]";
    }

    /** {@code url} with the values of its {@code password}/{@code sslpassword} parameters masked. */
    static String withoutPassword(String url) {
        return PASSWORD_PARAMETER.matcher(url).replaceAll("$1***");
    }
}
