package org.switchboard.core.storage;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Instants are stored in DATETIME(3) columns as UTC wall time; these convert both ways (null stays null). */
public final class UtcColumns {

    private UtcColumns() {
    }

    public static LocalDateTime utc(Instant t) {
        return t == null ? null : LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    public static Instant instant(LocalDateTime t) {
        return t == null ? null : t.toInstant(ZoneOffset.UTC);
    }
}
