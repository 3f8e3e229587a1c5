package org.switchboard.core.records;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.core.background.BackgroundLoop;
import org.switchboard.core.calls.application.CallArchive;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CDR as the later witness: every minute, the stored calls whose duration is still a guess (closed at a
 * re-sync, joined in progress, timed across a freeze) are looked up in Asterisk's CDR store; one whose row has
 * been written takes its start, answer, end and billsec, is priced again and its charge goes to the folio at once
 * (the provisional hold is lifted), the difference booked as for any correction. Each call in its own transaction.
 */
public final class CdrConfirmation implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CdrConfirmation.class);
    static final Duration EVERY = Duration.ofSeconds(60);
    /** Guesses older than this are left as they are (posted unconfirmed long ago; the CDR is not coming). */
    static final Duration LOOK_BACK = Duration.ofDays(1);

    private final Database db;
    private final CdrRecords cdr;
    private final ChargeService pricing;
    private final ZoneId hotelZone;
    private final Clock clock;
    private final BackgroundLoop loop;

    public CdrConfirmation(Database db, CdrRecords cdr, ChargeService pricing, ZoneId hotelZone, Clock clock) {
        this.db = db;
        this.cdr = cdr;
        this.pricing = pricing;
        this.hotelZone = hotelZone;
        this.clock = clock;
        this.loop = new BackgroundLoop("cdr-confirmation", EVERY, this::confirmPending);
    }

    public void start() {
        loop.start();
    }

    /** Confirms what the CDR store has rows for now; returns how many calls were confirmed. */
    public int confirmPending() {
        Instant now = clock.instant();
        List<CallArchive.Guessed> guessed = CallArchive.guessedSince(db, now.minus(LOOK_BACK));
        if (guessed.isEmpty()) {
            return 0;
        }
        Map<String, CdrRow> byUniqueId = new HashMap<>();
        for (CdrRow row : cdr.endedBetween(guessed.get(0).startedAt().minusSeconds(1), now)) {
            if (!row.originated()) {
                byUniqueId.merge(row.uniqueId(), row, (a, b) -> a.billsec() >= b.billsec() ? a : b);
            }
        }
        int confirmed = 0;
        for (CallArchive.Guessed g : guessed) {
            CdrRow row = byUniqueId.get(g.linkedId());
            if (row != null && db.inTransaction(tx -> {
                boolean done = CallArchive.confirm(tx, g.id(), row, hotelZone, now);
                if (done) {
                    pricing.rateIn(tx, g.id(), Cause.CORRECTED);
                }
                return done;
            })) {
                confirmed++;
                log.info("call #{} ({}): its guessed times replaced by the CDR's ({}, billsec {})", g.id(),
                        g.linkedId(), row.where(), row.billsec());
            }
        }
        return confirmed;
    }

    @Override
    public void close() {
        loop.close();
    }
}
