package org.switchboard.billing.folio;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The hotel's business date (营业日): it closes at a set hotel-zone time, so a call after midnight but
 * before the close belongs to the previous date. A close time of 00:00 makes it the calendar date.
 */
public record BusinessDay(LocalTime closesAt, ZoneId zone) {

    public BusinessDay {
        Objects.requireNonNull(closesAt, "closesAt");
        Objects.requireNonNull(zone, "zone");
    }

    /** The business date an instant belongs to. */
    public LocalDate dateOf(Instant at) {
        var local = at.atZone(zone);
        LocalDate date = local.toLocalDate();
        return local.toLocalTime().isBefore(closesAt) ? date.minusDays(1) : date;
    }

    /** The instant the business date starts (the previous date's close); in a DST gap, the first instant after it. */
    public Instant startOf(LocalDate date) {
        return date.atTime(closesAt).atZone(zone).toInstant();
    }

    /** The instant the business date ends: the start of the next one. */
    public Instant endOf(LocalDate date) {
        return startOf(date.plusDays(1));
    }
}
