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

/** {@code user add|passwd|list|disable|enable|role}: the first admin comes from the CLI, with a password given, never a default. */
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

    @Test
    void disableEnableAndRole() throws Exception {
        Path config = TestConfigDir.create(home, "801-810");
        assertEquals(0, withInput("correct horse battery\n", config, "user", "add", "ana", "--role", "admin",
                "--password-stdin").exit());
        assertEquals(0, withInput("correct horse battery\n", config, "user", "add", "wei", "--role", "operator",
                "--password-stdin").exit());

        CliTest.Result last = CliTest.runWith(config, "user", "disable", "ana", "--by", "it desk");
        assertEquals(2, last.exit());
        assertTrue(last.err().contains("ana is the last enabled admin"), last.err());
        CliTest.Result noBy = CliTest.runWith(config, "user", "disable", "wei");
        assertEquals(2, noBy.exit());
        assertTrue(noBy.err().contains("--by"), noBy.err());

        CliTest.Result off = CliTest.runWith(config, "user", "disable", "wei", "--by", "it desk");
        assertEquals(0, off.exit(), off.err());
        assertTrue(off.out().contains("user wei disabled"), off.out());
        CliTest.Result list = CliTest.runWith(config, "user", "list");
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("wei") && l.contains("DISABLED") && l.contains("by it desk")),
                list.out());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("ana") && !l.contains("DISABLED")), list.out());
        assertEquals(2, CliTest.runWith(config, "user", "disable", "wei", "--by", "it desk").exit(), "already disabled");
        assertEquals(0, CliTest.runWith(config, "user", "enable", "wei").exit());
        assertEquals(2, CliTest.runWith(config, "user", "enable", "wei").exit(), "not disabled");

        CliTest.Result role = CliTest.runWith(config, "user", "role", "wei", "auditor");
        assertEquals(0, role.exit(), role.err());
        assertTrue(CliTest.runWith(config, "user", "list").out().lines().anyMatch(l -> l.startsWith("wei") && l.contains("auditor")));
        CliTest.Result chef = CliTest.runWith(config, "user", "role", "wei", "chef");
        assertEquals(2, chef.exit());
        assertTrue(chef.err().contains("'chef' is not a role"), chef.err());
        CliTest.Result nobody = CliTest.runWith(config, "user", "enable", "nobody");
        assertEquals(2, nobody.exit());
        assertTrue(nobody.err().contains("no user nobody"), nobody.err());
    }
}
