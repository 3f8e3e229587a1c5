package org.switchboard.billing.audit;

import org.switchboard.billing.folio.Attribution.Outcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;

/**
 * The audit report laid out as titled tables of text cells, once, so that the printed text, the CSV
 * and the printable HTML say exactly the same thing. Everything in it comes from the report, nothing
 * from the clock, so a closed date renders byte for byte the same every time.
 */
public record AuditTable(List<String> heading, List<Section> sections, String reconciliation) {

    /** A titled table; when {@code totalRow} the last row is a total. */
    public record Section(String title, List<String> header, List<List<String>> rows, boolean totalRow) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final List<String> AMOUNTS = List.of("Amount 金额", "Service fee 服务费", "Surcharge 附加", "Tax", "Total");

    public static AuditTable of(AuditReport r) {
        int scale = Currency.getInstance(r.currency()).getDefaultFractionDigits();
        List<String> heading = List.of(
                r.hotel() + " — Night audit 夜审 — business date " + r.date(),
                "Business date runs " + r.date() + " " + r.closesAt() + " to " + r.date().plusDays(1) + " " + r.closesAt()
                        + " (" + r.zone() + "); amounts in " + r.currency(),
                r.closed() ? "CLOSED " + TIME.format(r.closure().at()) + " by " + r.closure().by() + " — records locked"
                        : "OPEN — figures change until the date is closed");
        List<Section> sections = new ArrayList<>();

        List<List<String>> perRoom = new ArrayList<>();
        for (AuditReport.Row row : r.rows()) {
            perRoom.add(cells(scale, row, row.room(), row.accountId(), row.accountName(), row.category()));
        }
        AuditReport.Row posted = r.postedTotal();
        perRoom.add(cells(scale, posted, "Total", "", "", ""));
        sections.add(new Section("Call charges per room and guest 话单汇总",
                join(List.of("Room 房号", "Account", "Account name 帐户名", "Category", "Calls", "Minutes"), AMOUNTS),
                perRoom, true));

        List<List<String>> perCategory = new ArrayList<>();
        r.byCategory().values().forEach(row -> perCategory.add(cells(scale, row, row.category())));
        perCategory.add(cells(scale, posted, "Grand total 合计"));
        sections.add(new Section("Posted, by category", join(List.of("Category", "Calls", "Minutes"), AMOUNTS),
                perCategory, true));

        r.exceptionSections().forEach((title, lines) -> sections.add(lineSection(title, lines, scale)));
        List<List<String>> house = new ArrayList<>();
        r.houseCalls().forEach(row -> house.add(List.of(row.category(), String.valueOf(row.calls()),
                row.minutes().toPlainString(), money(row.amounts().total(), scale))));
        sections.add(new Section("House calls from staff extensions (not posted)",
                List.of("Extension 分机号", "Calls", "Minutes", "Total"), house, false));

        List<List<String>> guessed = new ArrayList<>();
        r.guessed().held().forEach(id -> guessed.add(List.of("#" + id, "held from the folio: waiting for its CDR")));
        r.guessed().unconfirmed().forEach(id -> guessed.add(List.of("#" + id, "posted unconfirmed: no CDR came")));
        if (!guessed.isEmpty()) {
            sections.add(new Section("Charges on a guessed duration (link outage, no CDR yet)",
                    List.of("Call", "State"), guessed, false));
        }
        String recon = "Reconciliation 对账: rated " + money(r.rated(), scale) + " = posted " + money(r.posted(), scale)
                + " + exceptions " + money(r.exceptionsTotal(), scale)
                + (r.reconciles() ? " — reconciled"
                : " — DOES NOT RECONCILE: difference " + money(r.difference(), scale)
                + (r.pendingCalls() > 0 ? ", " + r.pendingCalls() + " call(s) not yet posted" : "")
                + (r.unpricedCalls() > 0 ? ", " + r.unpricedCalls() + " outbound call(s) not priced" : ""));
        return new AuditTable(heading, List.copyOf(sections), recon);
    }

    private static Section lineSection(String title, List<AuditLine> lines, int scale) {
        List<List<String>> rows = new ArrayList<>();
        for (AuditLine l : lines) {
            rows.add(List.of("#" + l.callId(), TIME.format(l.start()), nz(l.room()), nz(l.extension()), nz(l.dialled()), nz(l.accountId()),
                    nz(l.accountName()), String.valueOf(l.seconds()), nz(l.category()), nz(l.area()),
                    money(l.total(), scale), describe(l), nz(l.detail())));
        }
        return new Section(title, List.of("Call", "Start", "Room 房号", "Extension 分机号", "Dialled 被叫号码", "Account",
                "Account name 帐户名", "Seconds", "Category", "Area 地区名", "Total", "Entry", "Note"), rows, false);
    }

    private static String describe(AuditLine l) {
        String what = l.kind() == AuditLine.Kind.CHARGE ? "charge" : "adjustment";
        String how = switch (l.cause()) {
            case CAPTURED -> "";
            case MANUAL -> ", entered by hand";
            case CORRECTED -> ", record corrected";
            case RERATED -> ", re-rated";
            case ASSIGNED -> ", assigned by hand";
        };
        String where = l.outcome() == Outcome.POSTED || l.outcome() == Outcome.LATE_CHARGE ? ", posted" : ", not posted";
        return what + how + where + (l.carriedIn() ? ", call of " + l.callDate() : "");
    }

    private static List<String> cells(int scale, AuditReport.Row row, String... first) {
        List<String> out = new ArrayList<>(List.of(first));
        out.add(String.valueOf(row.calls()));
        out.add(row.minutes().toPlainString());
        org.switchboard.billing.folio.Amounts a = row.amounts();
        for (BigDecimal v : List.of(a.amount(), a.serviceFee(), a.surcharge(), a.tax(), a.total())) {
            out.add(money(v, scale));
        }
        return out;
    }

    static String money(BigDecimal v, int scale) {
        return v.setScale(scale, RoundingMode.UNNECESSARY).toPlainString();
    }

    private static List<String> join(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
