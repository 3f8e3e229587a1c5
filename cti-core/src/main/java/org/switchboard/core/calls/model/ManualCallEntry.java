package org.switchboard.core.calls.model;

import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.refusal.Refusal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A call record entered by hand (录入话单), as the hotel manual describes it: extension, date,
 * dialled number, start and end time; the duration is computed. An end before the start means the
 * call ran past midnight. The result is the call to store; a {@link Refusal} names the field that is wrong.
 */
public final class ManualCallEntry {

    /** What the operator typed. */
    public record Form(String extension, LocalDate date, String dialled, LocalTime start, LocalTime end, String enteredBy) {
    }

    /** What a dialled number may look like: 2 to 32 digits, {@code *} or {@code #}. */
    public static boolean isDialledNumber(String s) {
        return s != null && s.matches("[0-9*#]{2,32}");
    }

    private final Directory directory;
    private final ZoneId hotelZone;

    public ManualCallEntry(Directory directory, ZoneId hotelZone) {
        this.directory = directory;
        this.hotelZone = hotelZone;
    }

    public CompletedCall check(Form form) {
        if (form.extension() == null || directory.extension(form.extension()).isEmpty()) {
            throw new Refusal("extension", "'" + form.extension() + "' is not a configured extension");
        }
        if (!isDialledNumber(form.dialled())) {
            throw new Refusal("dialled", "'" + form.dialled() + "' is not a dialled number (2-32 digits, * or #)");
        }
        if (form.date() == null || form.start() == null || form.end() == null) {
            throw new Refusal(form.date() == null ? "date" : form.start() == null ? "start" : "end", "is required");
        }
        if (form.enteredBy() == null || form.enteredBy().isBlank()) {
            throw new Refusal("entered-by", "say who entered the record");
        }
        if (form.end().equals(form.start())) {
            throw new Refusal("end", "equals the start: a call lasts at least one second");
        }
        Instant start = form.date().atTime(form.start()).atZone(hotelZone).toInstant();
        LocalDate endDate = form.end().isBefore(form.start()) ? form.date().plusDays(1) : form.date();
        Instant end = endDate.atTime(form.end()).atZone(hotelZone).toInstant();
        Extension ext = directory.extension(form.extension()).orElseThrow();
        boolean internal = directory.extension(form.dialled()).isPresent();
        Duration talk = Duration.between(start, end);
        return new CompletedCall("manual-" + UUID.randomUUID(),
                internal ? CallDirection.INTERNAL : CallDirection.OUTBOUND, form.extension(), null, form.dialled(), null,
                null, form.extension(), null, ext.room(), ext.department(), start, null, start, end, null, talk,
                Disposition.ANSWERED, null, null, TimeSource.MANUAL, 0, null, null, CdrCheck.ABSENT,
                Completeness.COMPLETE, form.date(), List.of());
    }
}
