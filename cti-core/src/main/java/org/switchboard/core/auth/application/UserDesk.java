package org.switchboard.core.auth.application;

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

    /** Refused: what is wrong with the request, in words. */
    public static final class Refused extends RuntimeException {
        public Refused(String message) {
            super(message);
        }
    }

    /** A user who logged in. */
    public record User(String username, Role role) {
    }

    static final int COST = 11;
    /** Checked when the user does not exist, so that a login takes as long either way. */
    private static final byte[] DUMMY_HASH = BCrypt.withDefaults().hash(COST, "no such user".toCharArray());

    private final UserRepository users;
    private final Clock clock;

    public UserDesk(UserRepository users, Clock clock) {
        this.users = users;
        this.clock = clock;
    }

    public void add(String username, char[] password, Role role, String by) {
        if (username == null || !username.matches("[a-z0-9][a-z0-9._-]{1,31}")) {
            throw new Refused("user name '" + username + "' must be 2-32 lower-case letters, digits, . _ or -");
        }
        checkPassword(username, password);
        if (!users.add(username, hash(password), role, by, clock.instant())) {
            throw new Refused("user " + username + " already exists");
        }
    }

    public void setPassword(String username, char[] password) {
        checkPassword(username, password);
        if (!users.setPassword(username, hash(password))) {
            throw new Refused("no user " + username);
        }
    }

    /** The user, when the name and password match. */
    public Optional<User> login(String username, char[] password) {
        Optional<UserRepository.StoredUser> u = username == null ? Optional.empty() : users.find(username);
        byte[] hash = u.map(s -> s.passwordHash().getBytes(StandardCharsets.UTF_8)).orElse(DUMMY_HASH);
        boolean ok = BCrypt.verifyer().verify(password == null ? new char[0] : password, hash).verified;
        return ok && u.isPresent() ? Optional.of(new User(u.get().username(), u.get().role())) : Optional.empty();
    }

    public List<UserRepository.StoredUser> all() {
        return users.all();
    }

    private static void checkPassword(String username, char[] password) {
        if (password == null || password.length < 10) {
            throw new Refused("the password must have at least 10 characters");
        }
        if (new String(password).equalsIgnoreCase(username)) {
            throw new Refused("the password must not be the user name");
        }
    }

    private static String hash(char[] password) {
        String h = new String(BCrypt.withDefaults().hash(COST, password), StandardCharsets.UTF_8);
        Arrays.fill(password, '\0');
        return h;
    }
}
