package org.switchboard.core.auth.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.auth.application.UserDesk;
import org.switchboard.core.auth.infrastructure.UserRepository;
import org.switchboard.core.auth.model.Role;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * {@code user add|passwd|list|disable|enable|role}: console and API users. The first admin is made here; there is
 * no default one. Users are disabled, never deleted, so the names in audit trails keep meaning someone.
 */
@Command(name = "user", description = "Console and API users: add, passwd, list, disable, enable, role.",
        subcommands = {UserCommands.Add.class, UserCommands.Passwd.class, UserCommands.ListUsers.class,
                UserCommands.Disable.class, UserCommands.Enable.class, UserCommands.SetRole.class})
public final class UserCommands {

    private UserCommands() {
    }

    private static int with(ConfigOptions options, CommandSpec spec, Function<UserDesk, Integer> action) {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            try {
                return action.apply(new UserDesk(new UserRepository(db.dsl()), Clock.systemUTC()));
            } finally {
                spec.commandLine().getOut().flush();
            }
        }
    }

    public static Role role(String value, String option, CommandSpec spec) {
        try {
            return Role.parse(value);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), option + ": " + e.getMessage());
        }
    }

    /** The new password: one line from standard input with --password-stdin, else typed twice at the terminal. */
    public static char[] readPassword(boolean fromStdin, CommandSpec spec) {
        try {
            if (fromStdin) {
                String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
                return line == null ? new char[0] : line.toCharArray();
            }
            Console console = System.console();
            if (console == null) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "no terminal to type the password at: use --password-stdin");
            }
            char[] first = console.readPassword("New password (10 characters or more): ");
            char[] again = console.readPassword("Again: ");
            if (!Arrays.equals(first, again)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "the two passwords differ");
            }
            return first;
        } catch (IOException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "cannot read the password: " + e.getMessage());
        }
    }

    @Command(name = "add", description = "Add a user: NAME, --role operator|auditor|admin; the password is asked for "
            + "(or read from standard input with --password-stdin).")
    public static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--role", required = true, description = "operator, auditor or admin")
        String role;
        @Option(names = "--password-stdin", description = "read the password from standard input (one line)")
        boolean stdin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role r = role(role, "--role", spec);
            char[] password = readPassword(stdin, spec);
            return with(options, spec, users -> {
                users.add(name, password, r, "cli:" + System.getProperty("user.name", "?"));
                spec.commandLine().getOut().println("user " + name + " added (" + r.label() + ")");
                return 0;
            });
        }
    }

    @Command(name = "passwd", description = "Set a user's password (asked for, or --password-stdin).")
    public static final class Passwd implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--password-stdin")
        boolean stdin;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            char[] password = readPassword(stdin, spec);
            return with(options, spec, users -> {
                users.setPassword(name, password);
                spec.commandLine().getOut().println("password of " + name + " changed");
                return 0;
            });
        }
    }

    @Command(name = "list", description = "Users and their roles.")
    public static final class ListUsers implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return with(options, spec, users -> {
                DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(options.load().hotelZone());
                users.all().forEach(u -> spec.commandLine().getOut().printf("%-20s %-9s added %s by %s%s%n", u.username(),
                        u.role().label(), fmt.format(u.createdAt()), u.createdBy(), u.enabled() ? ""
                                : "  DISABLED " + fmt.format(u.disabledAt()) + " by " + u.disabledBy()));
                return 0;
            });
        }
    }

    @Command(name = "disable", description = "Disable a user: they can no longer log in and their sessions end "
            + "(the last enabled admin cannot be disabled).")
    public static final class Disable implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Option(names = "--by", required = true, description = "who disables the user (kept with the user)")
        String by;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            if (by.isBlank()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--by: say who disables the user");
            }
            return with(options, spec, users -> {
                users.disable(name, by.trim());
                spec.commandLine().getOut().println("user " + name + " disabled; their sessions end at their next request");
                return 0;
            });
        }
    }

    @Command(name = "enable", description = "Enable a disabled user again.")
    public static final class Enable implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            return with(options, spec, users -> {
                users.enable(name);
                spec.commandLine().getOut().println("user " + name + " enabled");
                return 0;
            });
        }
    }

    @Command(name = "role", description = "Give a user another role: NAME ROLE (operator, auditor or admin); "
            + "they log in again to use it.")
    public static final class SetRole implements Callable<Integer> {
        @Mixin
        ConfigOptions options;
        @Parameters(index = "0", paramLabel = "NAME")
        String name;
        @Parameters(index = "1", paramLabel = "ROLE")
        String role;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Role r = role(role, "ROLE", spec);
            return with(options, spec, users -> {
                users.setRole(name, r);
                spec.commandLine().getOut().println("user " + name + " is now " + r.label()
                        + "; their sessions end at their next request");
                return 0;
            });
        }
    }
}
