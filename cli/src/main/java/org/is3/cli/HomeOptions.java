package org.is3.cli;

import java.nio.file.Path;
import org.is3.db.DatabaseConfig;
import picocli.CommandLine.Option;

/** Where is3 keeps its data and which database it uses; shared by every command that needs them. */
final class HomeOptions {
    @Option(names = "--home", paramLabel = "DIR", defaultValue = "${env:IS3_HOME}",
            description = "is3 home: embedded database, broker journal, files (env IS3_HOME; default ~/.is3).")
    Path home;

    @Option(names = "--db-url", paramLabel = "JDBC_URL", defaultValue = "${env:IS3_DB_URL}",
            description = "Use this PostgreSQL server instead of the embedded one (env IS3_DB_URL),"
                    + " e.g. jdbc:postgresql://db.example:5432/is3.")
    String dbUrl;

    @Option(names = "--db-user", paramLabel = "USER", defaultValue = "${env:IS3_DB_USER}",
            description = "User for --db-url (env IS3_DB_USER).")
    String dbUser;

    @Option(names = "--db-password", paramLabel = "PASSWORD", defaultValue = "${env:IS3_DB_PASSWORD}",
            description = "Password for --db-url (env IS3_DB_PASSWORD).")
    String dbPassword;

    @Option(names = "--db-port", paramLabel = "PORT", defaultValue = "" + DatabaseConfig.DEFAULT_PORT,
            description = "Port of the embedded PostgreSQL on localhost; 0 picks a free one (default ${DEFAULT-VALUE}).")
    int dbPort;

    Path home() {
        return home != null ? home : DatabaseConfig.defaultHome();
    }

    DatabaseConfig databaseConfig() {
        return dbUrl == null || dbUrl.isBlank()
                ? DatabaseConfig.embedded(home()).withPort(dbPort)
                : DatabaseConfig.external(home(), dbUrl, dbUser, dbPassword);
    }
}
