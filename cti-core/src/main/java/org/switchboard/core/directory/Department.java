package org.switchboard.core.directory;

import java.util.Objects;

/**
 * A staff department whose phones are measured (front desk, operator …): the answer threshold in
 * seconds, and the type of call it mostly takes ({@code inquiry}, {@code booking} …), which picks its
 * talk-time target; null when no talk target applies.
 */
public record Department(String id, String name, int answerThresholdSeconds, String callType) {
    public Department {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        if (answerThresholdSeconds < 1) {
            throw new IllegalArgumentException("answer threshold must be at least 1 s: " + answerThresholdSeconds);
        }
    }

    public Department(String id, String name, int answerThresholdSeconds) {
        this(id, name, answerThresholdSeconds, null);
    }
}
