package org.switchboard.billing.audit;

import org.switchboard.billing.folio.Amounts;
import org.switchboard.billing.folio.Attribution.Outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The night audit (夜审) of one business date: what was booked on it, per room, guest and category,
 * the exceptions, and the reconciliation — rated = posted + exceptions, to the cent. "Rated" comes from
 * the rating side (the charges of the date's calls, plus changes carried in from closed dates), the
 * other two from the folio ledger, so a charge that never reached the ledger shows as a difference.
 * {@code unpricedCalls} counts the date's outbound calls that have no charge at all: "rated" is summed from the
 * charges, so without this count a missing charge would be invisible. {@code guessed} lists the calls charged on
 * a guessed duration (a link outage, no CDR to confirm it): held back from the folio, or posted unconfirmed.
 */
public record AuditReport(String hotel, LocalDate date, LocalTime closesAt, String zone, String currency,
                          Closure closure, List<AuditLine> lines, BigDecimal rated, int pendingCalls,
                          int unpricedCalls, Guessed guessed) {

    /** Calls charged on a guessed duration: {@code held} wait for their CDR, {@code unconfirmed} were posted without. */
    public record Guessed(List<Long> held, List<Long> unconfirmed) {
        public static final Guessed NONE = new Guessed(List.of(), List.of());

        public Guessed {
            held = List.copyOf(held);
            unconfirmed = List.copyOf(unconfirmed);
        }
    }

    public AuditReport(String hotel, LocalDate date, LocalTime closesAt, String zone, String currency, Closure closure,
                       List<AuditLine> lines, BigDecimal rated, int pendingCalls, int unpricedCalls) {
        this(hotel, date, closesAt, zone, currency, closure, lines, rated, pendingCalls, unpricedCalls, Guessed.NONE);
    }

    /** Who closed the date and when (hotel zone); null while the date is open. */
    public record Closure(ZonedDateTime at, String by) {
    }

    /** One row of the charge report: a room, its paying guest and a call category. */
    public record Row(String room, String accountId, String accountName, String category, int calls, long seconds,
                      Amounts amounts) {
        public BigDecimal minutes() {
            return BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(60), 1, RoundingMode.HALF_UP);
        }
    }

    public AuditReport {
        Objects.requireNonNull(date, "date");
        guessed = guessed == null ? Guessed.NONE : guessed;
        lines = lines.stream().sorted(Comparator.comparing(AuditLine::start).thenComparing(AuditLine::entryId)).toList();
    }

    public boolean closed() {
        return closure != null;
    }

    /** Posted charges per room, guest and category, ordered by room, account and category. */
    public List<Row> rows() {
        Map<List<String>, Row> rows = new java.util.TreeMap<>(Comparator.comparing((List<String> k) -> k.get(0))
                .thenComparing(k -> k.get(1)).thenComparing(k -> k.get(3)));
        for (AuditLine l : lines) {
            if (!l.outcome().posted()) {
                continue;
            }
            List<String> key = List.of(nz(l.room()), nz(l.accountId()), nz(l.accountName()), nz(l.category()));
            Row add = new Row(key.get(0), key.get(1), key.get(2), key.get(3), l.kind() == AuditLine.Kind.CHARGE ? 1 : 0,
                    l.kind() == AuditLine.Kind.CHARGE ? l.seconds() : 0, l.amounts());
            rows.merge(key, add, (a, b) -> new Row(a.room(), a.accountId(), a.accountName(), a.category(),
                    a.calls() + b.calls(), a.seconds() + b.seconds(), a.amounts().plus(b.amounts())));
        }
        return List.copyOf(rows.values());
    }

    /** Posted totals by category. */
    public Map<String, Row> byCategory() {
        Map<String, Row> out = new java.util.TreeMap<>();
        for (Row r : rows()) {
            out.merge(r.category(), new Row("", "", "", r.category(), r.calls(), r.seconds(), r.amounts()),
                    (a, b) -> new Row("", "", "", a.category(), a.calls() + b.calls(), a.seconds() + b.seconds(),
                            a.amounts().plus(b.amounts())));
        }
        return out;
    }

    /** All posted charges. */
    public Row postedTotal() {
        return total(rows(), "posted");
    }

    /** The entries of one exception kind, in time order. */
    public List<AuditLine> exceptions(Outcome outcome) {
        return lines.stream().filter(l -> l.outcome() == outcome).toList();
    }

    /** Records entered or corrected by hand, and changes made by a re-rating: listed whatever their outcome. */
    public List<AuditLine> manualAndEdited() {
        return lines.stream().filter(l -> l.byHand()
                || (l.cause() == AuditLine.Cause.RERATED && l.kind() == AuditLine.Kind.ADJUSTMENT)).toList();
    }

    /** Entries for calls of closed earlier dates (late-arriving records and adjustments). */
    public List<AuditLine> carriedIn() {
        return lines.stream().filter(AuditLine::carriedIn).toList();
    }

    public BigDecimal posted() {
        return sum(lines.stream().filter(l -> l.outcome().posted()).toList());
    }

    /** Not on any folio: vacant rooms, house calls, failed postings (unrated calls have no amount). */
    public BigDecimal exceptionsTotal() {
        return sum(lines.stream().filter(l -> !l.outcome().posted()).toList());
    }

    /** rated − (posted + exceptions): zero when every rated charge reached the ledger. */
    public BigDecimal difference() {
        return rated.subtract(posted()).subtract(exceptionsTotal());
    }

    public boolean reconciles() {
        return difference().signum() == 0 && pendingCalls == 0 && unpricedCalls == 0;
    }

    /** Exception kinds in the order the report lists them. */
    public static List<Outcome> exceptionKinds() {
        return List.of(Outcome.VACANT_ROOM, Outcome.LATE_CHARGE, Outcome.UNRATED, Outcome.FAILED, Outcome.HOUSE_CALL);
    }

    static Row total(List<Row> rows, String label) {
        int calls = 0;
        long seconds = 0;
        Amounts sum = null;
        for (Row r : rows) {
            calls += r.calls();
            seconds += r.seconds();
            sum = sum == null ? r.amounts() : sum.plus(r.amounts());
        }
        return new Row("", "", label, "", calls, seconds, sum == null ? Amounts.ZERO : sum);
    }

    private static BigDecimal sum(List<AuditLine> ls) {
        return ls.stream().map(AuditLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Line-by-line entries grouped by kind, for renderers: the exceptions, each with its title. */
    public Map<String, List<AuditLine>> exceptionSections() {
        Map<String, List<AuditLine>> out = new LinkedHashMap<>();
        out.put("Vacant-room calls (空房话单)", exceptions(Outcome.VACANT_ROOM));
        out.put("Late charges after check-out (退房后话单, posted)", exceptions(Outcome.LATE_CHARGE));
        out.put("Unrated calls (未计价)", exceptions(Outcome.UNRATED));
        out.put("Failed postings (入账失败)", exceptions(Outcome.FAILED));
        out.put("Manual entries and corrections (录入/更正话单)", manualAndEdited());
        out.put("Carried in from closed dates (调整)", carriedIn());
        return out;
    }

    /** House calls (staff extensions) summed per extension: calls and total. */
    public List<Row> houseCalls() {
        Map<String, Row> out = new java.util.TreeMap<>();
        for (AuditLine l : exceptions(Outcome.HOUSE_CALL)) {
            Row add = new Row("", "", "", nz(l.extension()), l.kind() == AuditLine.Kind.CHARGE ? 1 : 0,
                    l.kind() == AuditLine.Kind.CHARGE ? l.seconds() : 0, l.amounts());
            out.merge(nz(l.extension()), add, (a, b) -> new Row("", "", "", a.category(), a.calls() + b.calls(),
                    a.seconds() + b.seconds(), a.amounts().plus(b.amounts())));
        }
        return new ArrayList<>(out.values());
    }
}
