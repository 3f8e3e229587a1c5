package org.switchboard.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * The embedded server's password, generated once per installation and kept in a file only its owner can read.
 * Letters and digits only, so it needs no quoting in SQL or in a properties file.
 */
public final class DatabasePassword {

    private static final String ALPHABET = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DatabasePassword() {
    }

    /** The password in {@code file}, or a new one written there (mode 0600) if there is none yet. */
    public static String readOrCreate(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                if (OwnerOnlyFiles.readableByAnyoneElse(file)) {
                    Files.setPosixFilePermissions(file, OwnerOnlyFiles.SECRET);
                }
                String stored = Files.readString(file).trim();
                if (stored.matches("[A-Za-z0-9]{16,}")) {
                    return stored;
                }
            }
            String password = generate();
            OwnerOnlyFiles.writeSecret(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the database password file " + file, e);
        }
    }

    public static String generate() {
        StringBuilder b = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return b.toString();
    }
}
