package org.switchboard.core.directory;

import java.util.Objects;

/** A line to the outside world, known by its Asterisk device (e.g. {@code SIP/trunk}). */
public record Trunk(String name, String device) {
    public Trunk {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(device, "device");
    }
}
