package org.switchboard.core.directory;

import java.util.Objects;

/** A phone extension: a guest room's (room set) or a staff department's (department set). */
public record Extension(String number, String room, String department, String name) {
    public Extension {
        Objects.requireNonNull(number, "number");
        if ((room == null) == (department == null)) {
            throw new IllegalArgumentException("extension " + number + " needs exactly one of room or department");
        }
    }

    public boolean isRoom() {
        return room != null;
    }
}
