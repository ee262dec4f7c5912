package com.disputehub.access;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;

import com.disputehub.database.Sql;
import com.disputehub.incident.FilterForm;

/** The people who may sign in, with their role; passwords only as hashes (DOMAIN X6). */
@Repository
public class Users {

    /** The shortest password taken. */
    public static final int MIN_PASSWORD = 12;
    /** Wrong passwords in a row that lock a login, and for how long. */
    static final int MAX_FAILURES = 5;
    static final java.time.Duration LOCK = java.time.Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final PasswordEncoder encoder;
    private final Clock clock;

    Users(JdbcClient jdbc, PasswordEncoder encoder, Clock clock) {
        this.jdbc = jdbc;
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A person as stored. */
    public record User(UUID id, String login, String email, String displayName, Role role, boolean enabled, String passwordHash,
                       java.time.Instant lockedUntil) {
    }

    public Optional<User> find(String login) {
        return jdbc.sql("select * from app_user where lower(login) = lower(?)").param(login).query(Users::user).optional();
    }

    /** The one person with this e-mail (any case); empty when none has it, or when several share it. */
    public Optional<User> findByEmail(String email) {
        java.util.List<User> found = jdbc.sql("select * from app_user where lower(email) = lower(?)").param(email)
                .query(Users::user).list();
        return found.size() == 1 ? Optional.of(found.get(0)) : Optional.empty();
    }

    private static User user(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new User(rs.getObject("id", UUID.class), rs.getString("login"), rs.getString("email"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getString("password_hash"), rs.getTimestamp("locked_until") == null ? null
                        : rs.getTimestamp("locked_until").toInstant());
    }

    /**
     * The login, as stored, of an enabled person who decides (an agent or above), to be given incidents; a clear
     * error naming who can be otherwise.
     */
    public String assignable(String login) {
        return find(login).filter(u -> u.enabled() && u.role() != Role.VIEWER).map(User::login)
                .orElseThrow(() -> new IllegalArgumentException("'assignee' cannot be '" + login + "'; one of "
                        + assignableLogins()));
    }

    /**
     * Who an incident is given to when {@code requested} asks for it: nobody (null) for a blank, the asking person
     * for "me", otherwise a person who {@linkplain #assignable can be}.
     */
    public String assigneeFor(String requested, String actor) {
        if (requested == null || requested.isBlank()) {
            return null;
        }
        return assignable(requested.trim().equalsIgnoreCase(FilterForm.ME) ? actor : requested.trim());
    }

    /** Everyone incidents can be given to, by login. */
    public java.util.List<String> assignableLogins() {
        return jdbc.sql("select login from app_user where enabled and role <> 'VIEWER' order by lower(login)")
                .query(String.class).list();
    }

    /** A person as the admin API shows them: never the hash. */
    public record Listed(String login, String email, String displayName, Role role, boolean enabled,
                         java.time.Instant createdAt, java.time.Instant lastSignInAt, java.time.Instant lockedUntil) {
    }

    public java.util.List<Listed> list() {
        return jdbc.sql("select * from app_user order by lower(login)").query((rs, n) -> new Listed(rs.getString("login"),
                rs.getString("email"), rs.getString("display_name"), Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"),
                rs.getTimestamp("created_at").toInstant(), instant(rs, "last_sign_in_at"), instant(rs, "locked_until"))).list();
    }

    /** A new person; 409-worthy IllegalStateException when the login is taken. */
    public void create(String login, String email, String displayName, Role role, String password) {
        checkLogin(login);
        if (find(login).isPresent()) {
            throw new IllegalStateException("a user '" + login + "' exists already");
        }
        save(login, email, displayName, role, password);
    }

    /** Changes what is given: the role, enabled, the password (which also unlocks); false when there is no such user. */
    public boolean update(String login, Role role, Boolean enabled, String password) {
        if (find(login).isEmpty()) {
            return false;
        }
        if (role != null) {
            jdbc.sql("update app_user set role = ? where lower(login) = lower(?)").params(role.name(), login).update();
        }
        if (enabled != null) {
            jdbc.sql("update app_user set enabled = ? where lower(login) = lower(?)").params(enabled, login).update();
        }
        if (password != null) {
            checkPassword(password);
            jdbc.sql("update app_user set password_hash = ?, failed_attempts = 0, locked_until = null where lower(login) = lower(?)")
                    .params(encoder.encode(password), login).update();
        }
        return true;
    }

    private static java.time.Instant instant(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        var ts = rs.getTimestamp(column);
        return ts == null ? null : ts.toInstant();
    }

    static void checkLogin(String login) {
        if (login == null || !login.matches("[A-Za-z0-9._@-]{2,50}")) {
            throw new IllegalArgumentException("a login is 2 to 50 letters, digits or . _ @ -");
        }
        if (login.equalsIgnoreCase(FilterForm.ME) || login.equalsIgnoreCase(FilterForm.NOBODY)) {
            throw new IllegalArgumentException("'" + login + "' is a word of the assignee filter, not a login");
        }
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** Creates the user, or sets the password, role and enabled flag of the one with this login. */
    public void save(String login, String email, String displayName, Role role, String password) {
        checkPassword(password);
        jdbc.sql("""
                insert into app_user (id, login, email, display_name, role, enabled, password_hash, created_at)
                values (?, ?, ?, ?, ?, true, ?, ?)
                on conflict ((lower(login))) do update set role = excluded.role, enabled = true,
                  password_hash = excluded.password_hash, failed_attempts = 0, locked_until = null
                """)
                .params(UUID.randomUUID(), login, email, displayName, role.name(), encoder.encode(password), Sql.ts(clock.instant()))
                .update();
    }

    void signedIn(String login) {
        jdbc.sql("update app_user set last_sign_in_at = ?, failed_attempts = 0, locked_until = null where lower(login) = lower(?)")
                .params(Sql.ts(clock.instant()), login).update();
    }

    /** A wrong password: the {@value #MAX_FAILURES}th in a row locks the login for {@link #LOCK}. */
    void failed(String login) {
        jdbc.sql("""
                update app_user set failed_attempts = failed_attempts + 1,
                  locked_until = case when failed_attempts + 1 >= ? then ? else locked_until end
                where lower(login) = lower(?)
                """)
                .params(MAX_FAILURES, Sql.ts(clock.instant().plus(LOCK)), login).update();
    }

    boolean locked(User user) {
        return user.lockedUntil() != null && user.lockedUntil().isAfter(clock.instant());
    }

    static void checkPassword(String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("a password has at least " + MIN_PASSWORD + " characters");
        }
    }
}
