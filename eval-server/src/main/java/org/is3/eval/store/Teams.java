package org.is3.eval.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.is3.core.InputException;

/** Teams by name. Tokens are {@link org.is3.eval.auth.Tokens}'s. */
public final class Teams {

    /**
     * Letters (any script), digits, spaces and {@code . _ - ( )}: names appear in leaderboards and
     * on the command line; markup characters are kept out from the start (pages escape them anyway).
     */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} ._()-]{0,63}");
    static final String SELECT = "SELECT id, name, role, created_at FROM eval_team";

    private final DataSource dataSource;

    public Teams(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * Creates a team; the name is stripped of surrounding blanks.
     *
     * @throws InputException         for a name outside the rule
     * @throws AlreadyExistsException when a team has that name
     */
    public Team create(String name, Role role) {
        String stripped = name == null ? "" : name.strip();
        if (!NAME.matcher(stripped).matches()) {
            throw new InputException("team name '" + name + "' is not valid: use 1 to 64 letters, digits, spaces,"
                    + " '.', '_', '-', '(' or ')', starting with a letter or digit");
        }
        long id = Jdbc.inTransaction(dataSource, "creating team " + stripped, connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO eval_team (name, role)"
                    + " VALUES (?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
                insert.setString(1, stripped);
                insert.setString(2, role.dbName());
                try (ResultSet row = insert.executeQuery()) {
                    if (!row.next()) {
                        throw new AlreadyExistsException("a team named '" + stripped + "' exists already");
                    }
                    return row.getLong(1);
                }
            }
        });
        return find(id).orElseThrow();
    }

    public Optional<Team> find(String name) {
        return one(" WHERE name = ?", name == null ? "" : name.strip());
    }

    public Optional<Team> find(long id) {
        return one(" WHERE id = ?", id);
    }

    /** The team of this name, or a {@link NotFoundException}. */
    public Team require(String name) {
        return find(name).orElseThrow(() -> new NotFoundException("no team named '" + name + "'"));
    }

    /** Every team, by name. */
    public List<Team> list() {
        return Jdbc.read(dataSource, "listing teams", connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + " ORDER BY name")) {
                return teams(query);
            }
        });
    }

    private Optional<Team> one(String where, Object key) {
        return Jdbc.read(dataSource, "reading team " + key, connection -> {
            try (PreparedStatement query = connection.prepareStatement(SELECT + where)) {
                query.setObject(1, key);
                return teams(query).stream().findFirst();
            }
        });
    }

    /** Rows with the columns id, name, role and created_at of {@code eval_team}, as teams. */
    public static List<Team> teams(PreparedStatement query) throws SQLException {
        List<Team> teams = new ArrayList<>();
        try (ResultSet row = query.executeQuery()) {
            while (row.next()) {
                teams.add(new Team(row.getLong("id"), row.getString("name"), Role.fromName(row.getString("role")),
                        Jdbc.instant(row, "created_at")));
            }
        }
        return teams;
    }
}
