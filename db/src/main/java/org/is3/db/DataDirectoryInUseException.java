package org.is3.db;

import java.util.Optional;

/**
 * The data directory is locked by another live is3. Carries the url that is3 wrote into the lock
 * file, so {@link Database#connect} can join its server as a client instead of failing; the url
 * is absent while that is3 is still starting its PostgreSQL.
 */
final class DataDirectoryInUseException extends DatabaseStartException {

    private final String ownerUrl;

    DataDirectoryInUseException(String message, String ownerUrl) {
        super(message);
        this.ownerUrl = ownerUrl;
    }

    /** The JDBC url of the owner's running server, once it has written one. */
    Optional<String> ownerUrl() {
        return Optional.ofNullable(ownerUrl).filter(url -> !url.isEmpty());
    }
}
