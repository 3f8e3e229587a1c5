package org.switchboard.billing.tariff;

import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Objects;
import java.util.Set;

/**
 * A time-of-day or weekend band: calls starting on one of {@code days} between {@code from}
 * (inclusive) and {@code to} (exclusive; {@code to} before {@code from} spans midnight, and
 * {@code to == from} means the whole day) are charged {@code percent} of the plan's price.
 * The day is the day the window opens (a 21:00–07:00 Friday band covers Saturday 06:59).
 */
public record Band(String name, Set<DayOfWeek> days, LocalTime from, LocalTime to, int percent) {
    public Band {
        Objects.requireNonNull(name, "name");
        days = Set.copyOf(days);
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (days.isEmpty()) {
            throw new IllegalArgumentException("band " + name + " has no days");
        }
        if (percent < 0 || percent > 1000) {
            throw new IllegalArgumentException("band " + name + ": percent must be 0..1000: " + percent);
        }
    }

    /** True if a call starting at this local date-time (hotel zone) falls in the band. */
    public boolean covers(LocalDateTime start) {
        LocalTime t = start.toLocalTime();
        if (from.equals(to)) {
            return days.contains(start.getDayOfWeek());
        }
        if (from.isBefore(to)) {
            return days.contains(start.getDayOfWeek()) && !t.isBefore(from) && t.isBefore(to);
        }
        // Spans midnight: the evening part belongs to today, the morning part to the day before.
        return (!t.isBefore(from) && days.contains(start.getDayOfWeek()))
                || (t.isBefore(to) && days.contains(start.getDayOfWeek().minus(1)));
    }
}
