package org.switchboard.core.wakeup.model;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.Locale;

/**
 * A wake-up time as the guest gave it (a date and a wall-clock time in the hotel's zone) and the
 * instant it is placed. On a spring-forward night a time in the gap does not exist: the call is placed
 * when the clocks jump (the next valid time) and {@code note} says so; in the repeated hour of a
 * fall-back night the first of the two is used, also with a note.
 */
public record LocalWakeTime(LocalDate date, LocalTime time, Instant at, String note) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    /** The instant of {@code time} on {@code date} in {@code zone}, resolving daylight-saving gaps and overlaps. */
    public static LocalWakeTime on(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = date.atTime(time);
        ZoneOffsetTransition t = zone.getRules().getTransition(local);
        if (t == null) {
            return new LocalWakeTime(date, time, local.atZone(zone).toInstant(), null);
        }
        if (t.isGap()) {
            Instant at = t.getInstant();
            return new LocalWakeTime(date, time, at, time.format(HH_MM) + " does not exist on " + date
                    + " (clocks go forward): placed at " + at.atZone(zone).toLocalTime().format(HH_MM));
        }
        ZonedDateTime first = ZonedDateTime.ofLocal(local, zone, t.getOffsetBefore());
        return new LocalWakeTime(date, time, first.toInstant(), time.format(HH_MM) + " occurs twice on " + date
                + " (clocks go back): placed at the first " + time.format(HH_MM) + " (UTC" + t.getOffsetBefore() + ")");
    }

    /**
     * Parses the operator's time: {@code HH:MM} is the next such time after {@code now}
     * (today if still ahead, else tomorrow); {@code YYYY-MM-DDTHH:MM} is that exact date and time.
     * A time already past is refused.
     */
    public static LocalWakeTime parse(String text, ZonedDateTime now) {
        String s = text == null ? "" : text.trim();
        ZoneId zone = now.getZone();
        LocalWakeTime w;
        try {
            if (s.matches("\\d{1,2}:\\d{2}")) {
                LocalTime time = LocalTime.parse(s.length() == 4 ? "0" + s : s, HH_MM);
                w = on(now.toLocalDate(), time, zone);
                if (!w.at().isAfter(now.toInstant())) {
                    w = on(now.toLocalDate().plusDays(1), time, zone);
                }
                return w;
            }
            if (s.matches("\\d{4}-\\d{2}-\\d{2}[T ]\\d{1,2}:\\d{2}")) {
                LocalDateTime ldt = LocalDateTime.parse(s.replace(' ', 'T').replaceFirst("T(\\d):", "T0$1:"));
                w = on(ldt.toLocalDate(), ldt.toLocalTime(), zone);
            } else {
                throw new IllegalArgumentException("time '" + s + "' is not HH:MM or YYYY-MM-DDTHH:MM");
            }
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("time '" + s + "' is not a valid time of day or date ("
                    + e.getMessage().replaceFirst("^Text '.*' could not be parsed: ", "") + ")");
        }
        if (!w.at().isAfter(now.toInstant())) {
            throw new IllegalArgumentException("time " + s + " is already past (now " + now.toLocalDateTime()
                    .withSecond(0).withNano(0).toString().replace('T', ' ') + " " + zone.getId() + ")");
        }
        return w;
    }

    /** "Tue 24 Nov 08:00", as read back to the guest (the placed time when the wall-clock time does not exist). */
    public String spoken(ZoneId zone) {
        return at.atZone(zone).format(DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH));
    }
}
