package org.switchboard.core.folio.application;

import org.switchboard.core.background.BackgroundLoop;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution;
import org.switchboard.billing.folio.BusinessDay;
import org.switchboard.billing.folio.CreditLimit;
import org.switchboard.billing.folio.FolioBooking;
import org.switchboard.billing.folio.FolioBooking.Holder;
import org.switchboard.billing.folio.Occupancy;
import org.switchboard.billing.folio.PostingRule;
import org.switchboard.billing.money.Money;
import org.switchboard.core.folio.infrastructure.AssignmentBook;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.folio.infrastructure.FolioLedger;
import org.switchboard.core.folio.infrastructure.LedgerTransaction;
import org.switchboard.core.folio.infrastructure.FolioLedger.Held;
import org.switchboard.core.folio.model.ChargedCall;
import org.switchboard.core.folio.model.LedgerEntry;
import org.switchboard.core.folio.model.PendingPosting;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes the posting outbox to the folio ledger. Each chunk is one transaction: the outbox rows are
 * claimed, their calls attributed ({@link PostingRule}), the entries booked ({@link FolioBooking}), the
 * rows marked done and the touched guests' credit checked — all committed together, so a crash at any
 * point leaves either the whole chunk posted or none of it, and a second run books nothing twice.
 */
public final class FolioPoster implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FolioPoster.class);
    static final int CHUNK = 500;

    /** Called inside the posting transaction once the entries are written, before they are committed (tests inject crashes here). */
    @FunctionalInterface
    public interface Probe {
        void entriesWritten(List<PendingPosting> chunk);
    }

    private final FolioLedger ledger;
    private final BusinessDay businessDay;
    private final CreditLimit creditLimit;
    private final String hotelCurrency;
    private final Clock clock;
    private final Probe probe;
    private final BackgroundLoop loop = new BackgroundLoop("folio-poster", Duration.ofMillis(500), () -> {
        int n = postPending();
        if (n > 0) {
            log.debug("posted {} charge(s) to the folio ledger", n);
        }
    });

    public FolioPoster(FolioLedger ledger, BusinessDay businessDay, CreditLimit creditLimit, String hotelCurrency,
                       Clock clock, Probe probe) {
        this.ledger = ledger;
        this.businessDay = businessDay;
        this.creditLimit = creditLimit;
        this.hotelCurrency = hotelCurrency;
        this.clock = clock;
        this.probe = probe;
    }

    public FolioPoster(FolioLedger ledger, BusinessDay businessDay, CreditLimit creditLimit, String hotelCurrency, Clock clock) {
        this(ledger, businessDay, creditLimit, hotelCurrency, clock, chunk -> { });
    }

    /**
     * Posts everything pending; returns how many outbox rows were taken to the ledger. When a chunk fails, its rows
     * are posted one by one, so one bad row cannot hold up the rest; a row that fails on its own
     * {@value #HOLD_AFTER} times is held aside (logged; the night audit counts it as not posted).
     */
    public int postPending() {
        int total = 0;
        while (true) {
            int n;
            try {
                n = postChunk(CHUNK);
            } catch (RuntimeException e) {
                log.warn("posting a chunk failed ({}); posting its rows one by one", e.toString());
                n = postOneByOne();
                if (n == 0) {
                    return total; // nothing got through this round: the next one tries again
                }
            }
            if (n == 0) {
                return total;
            }
            total += n;
        }
    }

    static final int HOLD_AFTER = 3;

    private int postOneByOne() {
        int posted = 0;
        for (long outboxId : ledger.outbox().pendingIds(CHUNK)) {
            try {
                posted += ledger.inTransaction(tx -> post(tx, () -> tx.claim(outboxId, clock.instant())));
            } catch (RuntimeException e) {
                if (ledger.outbox().failed(outboxId, e.toString(), HOLD_AFTER, clock.instant())) {
                    log.error("posting outbox row {} failed {} times on its own; held aside until the next start "
                            + "(the night audit shows it as not posted): {}", outboxId, HOLD_AFTER, e.toString());
                }
            }
        }
        return posted;
    }

    /** Rows held aside by an earlier run get another chance (a fixed version may post them); returns how many. */
    public int releaseHeld() {
        int n = ledger.outbox().releaseHeld();
        if (n > 0) {
            log.warn("{} posting(s) held aside after repeated failures are tried again", n);
        }
        return n;
    }

    /** Posts up to {@code max} outbox rows in one transaction; returns how many. */
    public int postChunk(int max) {
        return ledger.inTransaction(tx -> post(tx, () -> tx.claimPending(max, clock.instant())));
    }

    /** One transaction: the ledger state under a shared lock first (a closing waits), then the rows claimed. */
    private int post(LedgerTransaction tx, java.util.function.Supplier<List<PendingPosting>> claim) {
        Optional<LocalDate> lastClosed = tx.lastClosedShared();
        List<PendingPosting> chunk = claim.get();
        if (chunk.isEmpty()) {
            return 0;
        }
        Set<Long> callIds = chunk.stream().map(PendingPosting::callId).collect(Collectors.toSet());
        tx.lockCalls(callIds);
        Map<Long, ChargedCall> calls = tx.calls(callIds);
        Map<String, List<Occupancy>> stays = stays(tx, calls.values());
        Map<Long, Map<Holder, Held>> booked = tx.booked(callIds);
        Map<Long, AssignmentBook.Assignment> assigned = new AssignmentBook(tx.dsl()).forCalls(callIds);
        List<LedgerEntry> entries = new ArrayList<>();
        Set<Long> payers = new HashSet<>();
        for (PendingPosting p : chunk) {
            ChargedCall call = Objects.requireNonNull(calls.get(p.callId()), "call " + p.callId());
            Attribution target = assignedOrByRules(call, stays, assigned.get(call.callId()));
            Map<Holder, Held> held = booked.computeIfAbsent(call.callId(), k -> new LinkedHashMap<>());
            Map<Holder, Amounts> nets = new LinkedHashMap<>();
            held.forEach((h, v) -> nets.put(h, v.net()));
            LocalDate callDate = businessDay.dateOf(call.start());
            LocalDate bookedOn = lastClosed.map(d -> d.isBefore(callDate) ? callDate : d.plusDays(1)).orElse(callDate);
            int lineNo = 0;
            for (FolioBooking.Change change : FolioBooking.changes(target, call.amounts(), nets)) {
                Occupancy.Account payer = change.holder().equals(Holder.of(target)) ? target.payer()
                        : held.get(change.holder()).payer();
                entries.add(entry(p, ++lineNo, call, change, payer, callDate, bookedOn));
                Held before = held.get(change.holder());
                held.put(change.holder(), new Held(payer, before == null ? change.amounts() : before.net().plus(change.amounts())));
                if (change.holder().outcome().posted() && payer != null) {
                    payers.add(payer.key());
                }
            }
        }
        Instant now = clock.instant();
        tx.insert(entries, now);
        probe.entriesWritten(chunk);
        tx.markDone(chunk.stream().map(PendingPosting::outboxId).toList(), now);
        checkCredit(new CreditBook(tx.dsl()), payers, now);
        return chunk.size();
    }

    private Attribution assignedOrByRules(ChargedCall call, Map<String, List<Occupancy>> stays,
                                          AssignmentBook.Assignment assignment) {
        Attribution byRules = PostingRule.attribute(call.room(), call.start(), call.end(), call.currency(),
                stays.getOrDefault(call.room(), List.of()), businessDay.zone());
        return assignment == null ? byRules : PostingRule.withAssignment(byRules, assignment.account(), call.currency(),
                "assigned by " + assignment.by() + ": " + assignment.reason());
    }

    private LedgerEntry entry(PendingPosting p, int lineNo, ChargedCall call, FolioBooking.Change change,
                              Occupancy.Account payer, LocalDate callDate, LocalDate bookedOn) {
        AuditLine line = new AuditLine(0, call.callId(), bookedOn, callDate,
                change.firstCharge() ? AuditLine.Kind.CHARGE : AuditLine.Kind.ADJUSTMENT, p.cause(),
                change.holder().outcome(), payer == null ? null : payer.id(), payer == null ? null : payer.name(),
                call.room(), call.extension(), call.dialled(), call.start().atZone(businessDay.zone()), call.seconds(),
                call.category(), call.area(), change.amounts(), change.detail());
        return new LedgerEntry(p.outboxId(), lineNo, call.callId(), payer == null ? null : payer.key(),
                call.currency() == null ? hotelCurrency : call.currency(), line);
    }

    private static Map<String, List<Occupancy>> stays(LedgerTransaction tx, java.util.Collection<ChargedCall> calls) {
        Set<String> rooms = calls.stream().map(ChargedCall::room).filter(Objects::nonNull).collect(Collectors.toSet());
        if (rooms.isEmpty()) {
            return Map.of();
        }
        Instant from = calls.stream().map(ChargedCall::start).min(Instant::compareTo).orElseThrow();
        Instant to = calls.stream().map(ChargedCall::end).max(Instant::compareTo).orElseThrow().plusMillis(1);
        return tx.occupancies(rooms, from, to).stream().collect(Collectors.groupingBy(Occupancy::room));
    }

    /** Bars the guests whose posted phone charges reached the limit (once per bar; an override stops it). */
    private void checkCredit(CreditBook credit, Set<Long> payers, Instant now) {
        if (payers.isEmpty()) {
            return;
        }
        for (CreditBook.Position p : credit.positions(payers)) {
            if (!p.override() && p.openBar() == null && creditLimit.reached(p.deposit(), p.charged())) {
                Money limit = creditLimit.limit(p.deposit());
                credit.bar(p.accountKey(), p.charged(), p.deposit(), limit, now);
                log.warn("credit limit reached: account {} ({}) charged {} of deposit {} (limit {}); outside calls barred",
                        p.accountId(), p.name(), p.charged(), p.deposit(), limit);
            }
        }
    }

    /** Posts in the background: every half second, and at once when {@link #nudge()}d. */
    public synchronized void start() {
        releaseHeld();
        loop.start();
    }

    /** Something was rated: post it soon. */
    public void nudge() {
        loop.nudge();
    }

    @Override
    public void close() {
        loop.close();
    }
}
