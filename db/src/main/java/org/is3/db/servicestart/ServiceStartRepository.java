package org.is3.db.servicestart;

import java.util.List;
import org.is3.db.Database;

/** Records service starts and lists the latest ones; each call is its own transaction. */
public final class ServiceStartRepository {

    private final Database database;

    public ServiceStartRepository(Database database) {
        this.database = database;
    }

    /** Inserts a start stamped with the database's clock and returns it with its id and time. */
    public ServiceStart record(String service, String host, String version) {
        return database.inTransaction(em -> {
            ServiceStart start = new ServiceStart(service, host, version);
            em.persist(start);
            return start;
        });
    }

    /** The {@code limit} most recent starts, newest first (ties on time broken by insertion order). */
    public List<ServiceStart> latest(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, got " + limit);
        }
        return database.inTransaction(em -> em
                .createQuery("SELECT s FROM ServiceStart s ORDER BY s.startedAt DESC, s.id DESC",
                        ServiceStart.class)
                .setMaxResults(limit)
                .getResultList());
    }
}
