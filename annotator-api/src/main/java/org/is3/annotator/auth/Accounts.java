package org.is3.annotator.auth;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.is3.annotator.store.Jdbc;
import org.is3.core.InputException;

/** Accounts in {@code annot_user}: created with a generated password that is shown once. */
public final class Accounts {
    private static final String NAME_RULE = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";
    /** A real bcrypt hash of a random password, checked when the name is unknown so both cases take as long. */
    private static final String DUMMY_HASH = new Passwords(Passwords.DEFAULT_COST).hash(Passwords.generate());

    private final DataSource dataSource;
    private final Passwords passwords;

    public Accounts(DataSource dataSource, Passwords passwords) {
        this.dataSource = dataSource;
        this.passwords = passwords;
    }

    /** Creates an account with a generated password; the result holds it, and only its hash is stored. */
    public NewAccount create(String name, Role role) {
        String password = Passwords.generate();
        return new NewAccount(create(name, role, password), password);
    }

    /** Creates an account with a chosen password (tests, benchmarks, scripted setups). */
    public Account create(String name, Role role, String password) {
        if (name == null || !name.matches(NAME_RULE)) {
            throw new InputException("user name '" + name + "' must be 1-64 letters, digits, '.', '_' or '-',"
                    + " starting with a letter or digit");
        }
        String hash = passwords.hash(password);
        return Jdbc.inTransaction(dataSource, "creating user " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("INSERT INTO annot_user (name, role, password_hash)"
                    + " VALUES (?, ?, ?) ON CONFLICT (name) DO NOTHING RETURNING id")) {
                s.setString(1, name);
                s.setString(2, role.dbName());
                s.setString(3, hash);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new InputException("user '" + name + "' already exists");
                    }
                    return new Account(r.getLong(1), name, role);
                }
            }
        });
    }

    /** The account when the name exists, is enabled and the password matches. */
    public Optional<Account> authenticate(String name, String password) {
        Optional<Stored> stored = Jdbc.read(dataSource, "looking up user " + name, c -> {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT id, name, role, password_hash FROM annot_user WHERE name = ? AND disabled_at IS NULL")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(new Stored(account(r), r.getString("password_hash"))) : Optional.empty();
                }
            }
        });
        boolean ok = Passwords.matches(password, stored.map(Stored::hash).orElse(DUMMY_HASH));
        return ok ? stored.map(Stored::account) : Optional.empty();
    }

    public void changePassword(Account account, String newPassword) {
        Passwords.check(newPassword);
        String hash = passwords.hash(newPassword);
        Jdbc.inTransaction(dataSource, "changing the password of " + account.name(), c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE annot_user SET password_hash = ? WHERE id = ?")) {
                s.setString(1, hash);
                s.setLong(2, account.id());
                return s.executeUpdate();
            }
        });
    }

    /** Gives the account a new generated password (shown once); its sessions and tokens are revoked. */
    public String resetPassword(String name) {
        String password = Passwords.generate();
        String hash = passwords.hash(password);
        Jdbc.inTransaction(dataSource, "resetting the password of " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE annot_user SET password_hash = ? WHERE name = ?")) {
                s.setString(1, hash);
                s.setString(2, name);
                if (s.executeUpdate() == 0) {
                    throw new InputException("no user named '" + name + "'");
                }
            }
            try (PreparedStatement s = c.prepareStatement("UPDATE annot_credential SET revoked_at = now()"
                    + " WHERE revoked_at IS NULL AND user_id = (SELECT id FROM annot_user WHERE name = ?)")) {
                s.setString(1, name);
                return s.executeUpdate();
            }
        });
        return password;
    }

    public Optional<Account> byName(String name) {
        return Jdbc.read(dataSource, "looking up user " + name, c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, role FROM annot_user WHERE name = ?")) {
                s.setString(1, name);
                try (ResultSet r = s.executeQuery()) {
                    return r.next() ? Optional.of(account(r)) : Optional.empty();
                }
            }
        });
    }

    public List<Account> list() {
        return Jdbc.read(dataSource, "listing users", c -> {
            try (PreparedStatement s = c.prepareStatement("SELECT id, name, role FROM annot_user ORDER BY name");
                 ResultSet r = s.executeQuery()) {
                List<Account> all = new ArrayList<>();
                while (r.next()) {
                    all.add(account(r));
                }
                return all;
            }
        });
    }

    static Account account(ResultSet r) throws SQLException {
        return new Account(r.getLong("id"), r.getString("name"), Role.fromName(r.getString("role")));
    }

    /** An account just created and its generated password. */
    public record NewAccount(Account account, String password) {
    }

    private record Stored(Account account, String hash) {
    }
}
