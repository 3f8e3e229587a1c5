package org.switchboard.core.records;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.calls.model.CallEdit;
import org.switchboard.core.calls.model.CallCorrection;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.application.CallArchive;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.Rating;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.core.refusal.Refusal;
import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The call-record desk (话单): enter a record by hand, correct one with an audit trail, find and
 * show records. Every change is priced again in the same transaction. Used alike by the command line and the HTTP API.
 */
public final class CallRecordDesk {

    /** An entered or corrected call: its id and what it now costs ({@code charge} is empty for internal calls). */
    public record Priced(long callId, Optional<RatingResult> charge) {
    }

    private final Database db;
    private final CallArchive calls;
    private final ChargeService pricing;
    private final ManualCallEntry entry;
    private final ZoneId zone;
    private final Clock clock;

    public CallRecordDesk(SwitchboardConfig config, Database db, Clock clock) {
        this.db = db;
        this.calls = new CallArchive(db);
        this.pricing = Rating.assemble(config, db, clock).charges();
        this.entry = new ManualCallEntry(config.directory(), config.hotelZone());
        this.zone = config.hotelZone();
        this.clock = clock;
    }

    /** Enters a call by hand and prices it; a {@link Refusal} names the field that is wrong. */
    public Priced enter(ManualCallEntry.Form form) {
        CompletedCall call = entry.check(form);
        return db.inTransaction(tx -> {
            long id = CallArchive.enter(tx, call, form.enteredBy(), clock.instant());
            return new Priced(id, pricing.rateIn(tx, id, Cause.MANUAL));
        });
    }

    /**
     * Corrects a record: times are on the call's own date (an end not after the start is the next
     * day). Null fields stay as they are.
     */
    public Priced correct(long id, String dialled, LocalTime start, LocalTime end, String by, String reason) {
        if (by == null || by.isBlank()) {
            throw new Refusal("by", "say who makes the correction");
        }
        if (reason == null || reason.isBlank()) {
            throw new Refusal("reason", "say why (it is kept in the audit trail)");
        }
        if (dialled == null && start == null && end == null) {
            throw new Refusal("dialled", "nothing to change: give dialled, start and/or end");
        }
        if (dialled != null && !ManualCallEntry.isDialledNumber(dialled)) {
            throw new Refusal("dialled", "'" + dialled + "' is not a dialled number (2-32 digits, * or #)");
        }
        Optional<StoredCall> old = calls.find(id);
        if (old.isEmpty()) {
            throw Refusal.notFound("id", "no call #" + id);
        }
        LocalDate day = old.get().startedAt().atZone(zone).toLocalDate();
        Instant newStart = start == null ? null : day.atTime(start).atZone(zone).toInstant();
        Instant from = newStart != null ? newStart : old.get().startedAt();
        Instant newEnd = null;
        if (end != null) {
            newEnd = day.atTime(end).atZone(zone).toInstant();
            if (!newEnd.isAfter(from)) {
                newEnd = newEnd.plus(Duration.ofDays(1));
            }
        } else if (!old.get().endedAt().isAfter(from)) {
            throw new Refusal("start", "would be after the call's end " + old.get().endedAt().atZone(zone).toLocalTime());
        }
        CallCorrection fix = new CallCorrection(dialled, newStart, newEnd);
        return db.inTransaction(tx -> {
            if (!CallArchive.correct(tx, id, fix, zone, by, reason, clock.instant())) {
                throw Refusal.notFound("id", "no call #" + id);
            }
            return new Priced(id, pricing.rateIn(tx, id, Cause.CORRECTED));
        });
    }

    public Optional<StoredCall> find(long id) {
        return calls.find(id);
    }

    public List<StoredCall> find(LocalDate from, LocalDate to, String room, String extension,
                                                String account) {
        return calls.find(from, to, room, extension, account);
    }

    public List<CallEdit> history(long id) {
        return calls.history(id);
    }

    /** A one-line description of a charge for people. */
    public static String describe(Optional<RatingResult> charge) {
        return charge.map(r -> r instanceof RatingResult.Rated rated
                ? "charge " + rated.total() + " — " + rated.explanation()
                : "not rated: " + ((RatingResult.NotRated) r).detail()).orElse("no charge (internal call)");
    }
}
