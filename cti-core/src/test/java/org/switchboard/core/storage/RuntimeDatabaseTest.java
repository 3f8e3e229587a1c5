package org.switchboard.core.storage;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RuntimeDatabaseTest {

    @TempDir
    Path home;

    @Test
    @DisplayName("the running server's address is written for the owner only and names the password file, not the password")
    void addressFileIsOwnerOnly() throws Exception {
        Path passwordFile = home.resolve("var/data/mariadb.password");
        RuntimeDatabase.publish(home, "jdbc:mariadb://127.0.0.1:3307/switchboard", "switchboard", passwordFile, "run");
        Path f = RuntimeDatabase.file(home);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(f)));
        String text = Files.readString(f);
        assertTrue(text.contains("password-file=" + passwordFile.toAbsolutePath().toString().replace(":", "\\:")), text);
        assertTrue(text.contains("pid=" + ProcessHandle.current().pid()), text);
    }
}
