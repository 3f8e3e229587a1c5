package org.switchboard.core.auth;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.cli.CliTest;
import org.switchboard.core.support.TestConfigDir;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code user add|passwd|list}: the first admin comes from the CLI, with a password given, never a default. */
class UserCommandTest {

    @TempDir
    Path home;
    private final InputStream stdin = System.in;

    @AfterEach
    void restore() {
        System.setIn(stdin);
    }

    private CliTest.Result withInput(String input, Path config, String... args) {
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        return CliTest.runWith(config, args);
    }

    @Test
    void addListAndRefuse() throws Exception {
        Path config = TestConfigDir.create(home, "801-810");
        CliTest.Result added = withInput("correct horse battery\n", config, "user", "add", "ana", "--role", "admin",
                "--password-stdin");
        assertEquals(0, added.exit(), added.err());
        assertTrue(added.out().contains("user ana added (admin)"), added.out());
        CliTest.Result again = withInput("correct horse battery\n", config, "user", "add", "ana", "--role", "admin",
                "--password-stdin");
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("user ana already exists"), again.err());
        CliTest.Result shortPw = withInput("secret\n", config, "user", "add", "bo", "--role", "operator", "--password-stdin");
        assertEquals(2, shortPw.exit());
        assertTrue(shortPw.err().contains("at least 10 characters"), shortPw.err());
        CliTest.Result badRole = withInput("correct horse battery\n", config, "user", "add", "bo", "--role", "chef",
                "--password-stdin");
        assertEquals(2, badRole.exit());
        assertTrue(badRole.err().contains("'chef' is not a role (operator, auditor, admin)"), badRole.err());
        CliTest.Result noTerminal = CliTest.runWith(config, "user", "add", "bo", "--role", "operator");
        assertEquals(2, noTerminal.exit());
        assertTrue(noTerminal.err().contains("use --password-stdin"), noTerminal.err());
        assertEquals(0, withInput("another long password\n", config, "user", "passwd", "ana", "--password-stdin").exit());
        CliTest.Result list = CliTest.runWith(config, "user", "list");
        assertTrue(list.out().contains("ana") && list.out().contains("admin") && !list.out().contains("horse"), list.out());
    }
}
