package org.is3.db;

import java.util.List;
import org.is3.db.servicestart.ServiceStart;

/**
 * The schema in two halves that must agree: Flyway migrations under {@link #MIGRATIONS} create the
 * tables (Flyway owns the schema), and these entity classes map them; Hibernate only validates.
 * A migration that adds a table adds its entity here.
 */
final class Schema {

    static final String MIGRATIONS = "classpath:db/migration";

    static final List<Class<?>> ENTITIES = List.of(
            ServiceStart.class);

    private Schema() {
    }
}
