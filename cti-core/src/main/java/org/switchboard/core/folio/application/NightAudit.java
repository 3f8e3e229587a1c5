package org.switchboard.core.folio.application;

import org.switchboard.core.refusal.Refusal;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.audit.AuditReport;
import org.switchboard.billing.folio.BusinessDay;
import org.switchboard.core.folio.infrastructure.FolioLedger;
import org.switchboard.core.folio.infrastructure.PostingOutbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The night audit (夜审): the report of a business date, and closing it. An open date's report is live
 * (rated side from the charges, posted side from the ledger, so what has not reached the ledger shows as a
 * difference). Closing posts what is pending, checks the date reconciles to the cent and fixes its figures;
 * from then on nothing is booked on it and its report is the same, byte for byte, every time.
 */
public final class NightAudit {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final FolioLedger ledger;
    private final FolioPoster poster;
    private final BusinessDay businessDay;
    private final String hotel;
    private final String currency;
    private final Clock clock;

    public NightAudit(FolioLedger ledger, FolioPoster poster, BusinessDay businessDay, String hotel, String currency,
                      Clock clock) {
        this.ledger = ledger;
        this.poster = poster;
        this.businessDay = businessDay;
        this.hotel = hotel;
        this.currency = currency;
        this.clock = clock;
    }

    /** The business date the clock is in now. */
    public LocalDate today() {
        return businessDay.dateOf(clock.instant());
    }

    /** Postings held aside after failing on their own again and again (they stay unposted until the next start). */
    public List<PostingOutbox.HeldPosting> held() {
        return ledger.outbox().held();
    }

    /** The held postings in the auditor's words, or empty. */
    public Optional<String> heldNote() {
        List<PostingOutbox.HeldPosting> held = held();
        if (held.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(held.size() + " posting(s) held aside after repeated failures (fix the cause, then restart "
                + "the daemon to retry): " + held.stream().map(h -> "call #" + h.callId() + " (" + h.error() + ")")
                .collect(java.util.stream.Collectors.joining("; ")));
    }

    /**
     * The date's report, read in one transaction: its reads share one snapshot, so on an open date with live
     * traffic a call rated or posted between two of them cannot show as a false difference.
     */
    public AuditReport report(LocalDate date) {
        return ledger.inTransaction(tx -> {
            FolioLedger reads = tx.reads();
            Optional<FolioLedger.Closure> closure = reads.closure(date);
            List<AuditLine> lines = reads.bookedOn(date);
            if (closure.isPresent()) {
                FolioLedger.Closure c = closure.get();
                return new AuditReport(hotel, date, businessDay.closesAt(), businessDay.zone().getId(), c.currency(),
                        new AuditReport.Closure(c.at().atZone(businessDay.zone()), c.by()), lines, c.rated(), 0, 0);
            }
            return liveReport(reads, date, lines);
        });
    }

    private AuditReport liveReport(FolioLedger reads, LocalDate date, List<AuditLine> lines) {
        BigDecimal carriedIn = lines.stream().filter(AuditLine::carriedIn).map(AuditLine::total)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal rated = reads.ratedTotal(businessDay.startOf(date), businessDay.endOf(date)).add(carriedIn);
        return new AuditReport(hotel, date, businessDay.closesAt(), businessDay.zone().getId(), currency, null, lines,
                rated, reads.pendingBefore(businessDay.endOf(date)),
                reads.unpricedBetween(businessDay.startOf(date), businessDay.endOf(date)),
                reads.guessedBetween(businessDay.startOf(date), businessDay.endOf(date)));
    }

    /**
     * Closes a business date: dates close in order, only once they have ended, and only when they reconcile.
     * Returns the closed report.
     */
    public AuditReport close(LocalDate date, String by) {
        if (by == null || by.isBlank()) {
            throw new Refusal("say who closes the date (--by)");
        }
        Instant now = clock.instant();
        Instant end = businessDay.endOf(date);
        if (now.isBefore(end)) {
            throw new Refusal("business date " + date + " runs until " + AT.format(end.atZone(businessDay.zone()))
                    + " (" + businessDay.zone() + "); it can be closed after that");
        }
        poster.postPending();
        ledger.inTransaction(tx -> {
            Optional<LocalDate> last = tx.lastClosedExclusive();
            if (last.isPresent() && !date.isAfter(last.get())) {
                throw new Refusal("business date " + date + " is already closed (last closed: " + last.get() + ")");
            }
            if (last.isPresent() && !date.equals(last.get().plusDays(1))) {
                throw new Refusal("close " + last.get().plusDays(1) + " first: dates close in order");
            }
            Optional<LocalDate> earlier = tx.earliestOpenWithEntriesBefore(last.orElse(null), date);
            if (earlier.isPresent()) {
                throw new Refusal("close " + earlier.get() + " first: it has postings and is still open");
            }
            int pending = tx.pendingBefore(end);
            if (pending > 0) {
                throw new Refusal(pending + " charge(s) of the date are not posted yet; "
                        + heldNote().orElse("try again in a moment"));
            }
            FolioLedger reads = tx.reads();
            int unpriced = reads.unpricedBetween(businessDay.startOf(date), end);
            if (unpriced > 0) {
                throw new Refusal(unpriced + " outbound call(s) of the date have no charge yet (the daemon prices them "
                        + "again every few seconds; see its log for why the charge could not be written)");
            }
            List<AuditLine> lines = reads.bookedOn(date);
            AuditReport live = liveReport(reads, date, lines);
            if (!live.reconciles()) {
                throw new Refusal("business date " + date + " does not reconcile: rated " + live.rated() + ", posted "
                        + live.posted() + ", exceptions " + live.exceptionsTotal() + " (difference " + live.difference() + ")");
            }
            tx.close(new FolioLedger.Closure(date, now, by.trim(), currency, live.rated(), live.posted(),
                    live.exceptionsTotal(), lines.size()));
            return null;
        });
        return report(date);
    }
}
