package org.switchboard.core.metrics.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;

/**
 * The staff shifts of a day, each from its start to the next one's (the last runs past midnight to
 * the first), in the hotel's zone. A shift belongs to the date it starts on, so the night shift
 * 23:00–07:00 that began on the 23rd holds the calls of the 24th before 07:00; a business day's
 * report covers the shifts that start on that date. Local times, so a day with a daylight-saving
 * change simply has a shorter or longer shift.
 */
public record ShiftPlan(List<Shift> shifts) {

    public record Shift(String name, LocalTime start) {
    }

    /** The shift (by its start date and name) that a moment falls in. */
    public record Slot(LocalDate date, String name) {
    }

    public ShiftPlan {
        shifts = shifts.stream().sorted(Comparator.comparing(Shift::start)).toList();
        if (shifts.isEmpty()) {
            throw new IllegalArgumentException("at least one shift is needed");
        }
        if (new HashSet<>(shifts.stream().map(Shift::name).toList()).size() != shifts.size()
                || new HashSet<>(shifts.stream().map(Shift::start).toList()).size() != shifts.size()) {
            throw new IllegalArgumentException("shift names and start times must differ: " + shifts);
        }
    }

    /** One shift for the whole calendar day. */
    public static ShiftPlan wholeDay() {
        return new ShiftPlan(List.of(new Shift("day", LocalTime.MIDNIGHT)));
    }

    public Slot slotOf(Instant at, ZoneId zone) {
        LocalDateTime local = at.atZone(zone).toLocalDateTime();
        LocalTime t = local.toLocalTime();
        Shift found = null;
        for (Shift s : shifts) {
            if (!s.start().isAfter(t)) {
                found = s;
            }
        }
        return found != null ? new Slot(local.toLocalDate(), found.name())
                : new Slot(local.toLocalDate().minusDays(1), shifts.get(shifts.size() - 1).name());
    }

    /** The business day a moment belongs to: the date its shift started on. */
    public LocalDate businessDay(Instant at, ZoneId zone) {
        return slotOf(at, zone).date();
    }

    /** When the business day {@code date} begins: its first shift's start. */
    public Instant dayStart(LocalDate date, ZoneId zone) {
        return date.atTime(shifts.get(0).start()).atZone(zone).toInstant();
    }

    /** Position of a shift name in the day (for ordering report rows); unknown names last. */
    public int order(String name) {
        for (int i = 0; i < shifts.size(); i++) {
            if (shifts.get(i).name().equals(name)) {
                return i;
            }
        }
        return shifts.size();
    }

    /** Position of a local hour in the business day that begins at the first shift's start. */
    public int hourOrder(int hour) {
        return Math.floorMod(hour - shifts.get(0).start().getHour(), 24);
    }
}
