package org.switchboard.core.directory;

import java.util.Objects;

/** A staff department whose phones are measured (front desk, operator …). */
public record Department(String id, String name, int answerThresholdSeconds) {
    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (answerThresholdSeconds < 1) {
            throw new IllegalArgumentException("answer threshold must be at least 1 s: " + answerThresholdSeconds);
        }
    }
}
