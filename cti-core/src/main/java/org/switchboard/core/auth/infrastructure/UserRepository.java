package org.switchboard.core.auth.infrastructure;

import org.jooq.DSLContext;
import org.switchboard.core.auth.model.Role;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.switchboard.core.storage.UtcColumns.instant;
import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.USERS;

/** Users and their password hashes. */
public final class UserRepository {

    /** A stored user; {@code disabledAt} is null while the user may log in. */
    public record StoredUser(String username, String passwordHash, Role role, Instant createdAt, String createdBy,
                             Instant disabledAt, String disabledBy) {
        public boolean enabled() {
            return disabledAt == null;
        }
    }

    private final DSLContext dsl;

    public UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Adds a user; false when the name is taken. */
    public boolean add(String username, String passwordHash, Role role, String createdBy, Instant at) {
        return dsl.insertInto(USERS).set(USERS.USERNAME, username).set(USERS.PASSWORD_HASH, passwordHash)
                .set(USERS.ROLE, role.name()).set(USERS.CREATED_AT, utc(at)).set(USERS.CREATED_BY, createdBy)
                .onDuplicateKeyIgnore().execute() == 1;
    }

    public boolean setPassword(String username, String passwordHash) {
        return dsl.update(USERS).set(USERS.PASSWORD_HASH, passwordHash).where(USERS.USERNAME.eq(username)).execute() == 1;
    }

    /** Disables ({@code at} not null) or enables a user; false when there is no such user. */
    public boolean setDisabled(String username, Instant at, String by) {
        return dsl.update(USERS).set(USERS.DISABLED_AT, at == null ? null : utc(at)).set(USERS.DISABLED_BY, at == null ? null : by)
                .where(USERS.USERNAME.eq(username)).execute() == 1;
    }

    public boolean setRole(String username, Role role) {
        return dsl.update(USERS).set(USERS.ROLE, role.name()).where(USERS.USERNAME.eq(username)).execute() == 1;
    }

    public Optional<StoredUser> find(String username) {
        return dsl.selectFrom(USERS).where(USERS.USERNAME.eq(username)).fetchOptional(UserRepository::stored);
    }

    public List<StoredUser> all() {
        return dsl.selectFrom(USERS).orderBy(USERS.USERNAME).fetch(UserRepository::stored);
    }

    /** Enabled admins other than {@code except}. */
    public int otherEnabledAdmins(String except) {
        return dsl.fetchCount(USERS, USERS.ROLE.eq(Role.ADMIN.name()).and(USERS.DISABLED_AT.isNull())
                .and(USERS.USERNAME.ne(except)));
    }

    private static StoredUser stored(org.switchboard.core.storage.jooq.tables.records.UsersRecord r) {
        return new StoredUser(r.getUsername(), r.getPasswordHash(), Role.valueOf(r.getRole()), instant(r.getCreatedAt()),
                r.getCreatedBy(), r.getDisabledAt() == null ? null : instant(r.getDisabledAt()), r.getDisabledBy());
    }

    public boolean any() {
        return dsl.fetchExists(USERS);
    }
}
