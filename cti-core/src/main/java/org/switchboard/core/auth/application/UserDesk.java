package org.switchboard.core.auth.application;

import org.switchboard.core.refusal.Refusal;
import at.favre.lib.crypto.bcrypt.BCrypt;
import org.switchboard.core.auth.infrastructure.UserRepository;
import org.switchboard.core.auth.model.Role;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Users of the console and the API: added (by the CLI or an admin) with a bcrypt-hashed password, checked at login.
 * There is no default user and no default password.
 */
public final class UserDesk {

    /** A user who logged in. */
    public record User(String username, Role role) {
    }

    /** The outcome of a login: in, refused (wrong name or password, or a disabled user), or locked out for a while. */
    public sealed interface Login permits LoggedIn, WrongCredentials, LockedOut {
    }

    public record LoggedIn(User user) implements Login {
    }

    public record WrongCredentials(String why) implements Login {
    }

    public record LockedOut(java.time.Instant until, java.time.Duration left) implements Login {
    }

    /** Failed logins in a row before a user name is locked, and for how long. */
    static final int MAX_FAILURES = 5;
    static final java.time.Duration LOCK = java.time.Duration.ofMinutes(15);

    static final int COST = 11;
    /** Checked when the user does not exist, so that a login takes as long either way. */
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults().hash(COST, "no such user".toCharArray());

    private final UserRepository users;
    private final Clock clock;
    private final LoginThrottle throttle;

    public UserDesk(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock, MAX_FAILURES, LOCK);
    }

    public void add(String username, char[] password, Role role, String by) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,31}")) {
            throw new Refusal("user name '" + username + "' must be 2-32 lower-case letters, digits, . _ or -");
        }
        checkPassword(username, password);
        if (!users.add(username, hash(password), role, by, clock.instant())) {
            throw new Refusal("user " + username + " already exists");
        }
    }

    public void setPassword(String username, char[] password) {
        checkPassword(username, password);
        if (!users.setPassword(username, hash(password))) {
            throw Refusal.notFound("no user " + username);
        }
    }

    /** Checks a login: the name must exist, be enabled, not be locked out, and the password match. */
    public Login login(String name, char[] password) {
        String username = name == null ? "" : name;
        Optional<java.time.Instant> locked = throttle.lockedUntil(username);
        if (locked.isPresent()) {
            return new LockedOut(locked.get(), java.time.Duration.between(clock.instant(), locked.get()));
        }
        Optional<UserRepository.StoredUser> u = users.find(username);
        byte[] hash = u.map(s -> s.passwordHash().getBytes(StandardCharsets.UTF_8)).orElse(DUMMY_HASH);
        boolean ok = BCrypt.verifyer().verify(password == null ? new char[0] : password, hash).verified;
        if (ok && u.isPresent() && u.get().enabled()) {
            throttle.succeeded(username);
            return new LoggedIn(new User(u.get().username(), u.get().role()));
        }
        Optional<java.time.Instant> nowLocked = throttle.failed(username);
        if (nowLocked.isPresent()) {
            return new LockedOut(nowLocked.get(), LOCK);
        }
        return new WrongCredentials(u.isEmpty() ? "no such user" : !ok ? "wrong password" : "user disabled");
    }

    /** The user as now stored, when still enabled (a session of a disabled user, or of an old role, ends). */
    public Optional<User> current(String username) {
        return users.find(username).filter(UserRepository.StoredUser::enabled).map(u -> new User(u.username(), u.role()));
    }

    /** Disables a user (they can no longer log in; their sessions end); the last enabled admin stays. */
    public void disable(String username, String by) {
        UserRepository.StoredUser u = existing(username);
        if (!u.enabled()) {
            throw new Refusal("user " + username + " is already disabled");
        }
        if (u.role() == Role.ADMIN && users.otherEnabledAdmins(username) == 0) {
            throw new Refusal("user " + username + " is the last enabled admin; add or enable another admin first");
        }
        users.setDisabled(username, clock.instant(), by);
    }

    public void enable(String username) {
        if (existing(username).enabled()) {
            throw new Refusal("user " + username + " is not disabled");
        }
        users.setDisabled(username, null, null);
    }

    /** Gives a user another role (their sessions end, so the new role applies at the next login). */
    public void setRole(String username, Role role) {
        UserRepository.StoredUser u = existing(username);
        if (u.role() == role) {
            throw new Refusal("user " + username + " already has the " + role.label() + " role");
        }
        if (u.role() == Role.ADMIN && u.enabled() && users.otherEnabledAdmins(username) == 0) {
            throw new Refusal("user " + username + " is the last enabled admin; add or enable another admin first");
        }
        users.setRole(username, role);
    }

    private UserRepository.StoredUser existing(String username) {
        return (username == null ? Optional.<UserRepository.StoredUser>empty() : users.find(username))
                .orElseThrow(() -> Refusal.notFound("no user " + username));
    }

    public Optional<UserRepository.StoredUser> find(String username) {
        return users.find(username);
    }

    public List<UserRepository.StoredUser> all() {
        return users.all();
    }

    private static void checkPassword(String username, char[] password) {
        if (password == null || password.length < 10) {
            throw new Refusal("the password must have at least 10 characters");
        }
        if (new String(password).equalsIgnoreCase(username)) {
            throw new Refusal("the password must not be the user name");
        }
    }

    private static String hash(char[] password) {
        String h = new String(BCrypt.withDefaults().hash(COST, password), StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        return h;
    }
}
