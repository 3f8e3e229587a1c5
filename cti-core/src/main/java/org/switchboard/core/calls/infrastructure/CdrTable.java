package org.switchboard.core.calls.infrastructure;

import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.calls.config.CdrStoreSettings;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.calls.model.Disposition;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Asterisk's {@code cdr} table in MariaDB/MySQL (cdr_mysql, or cdr_adaptive_odbc; FreePBX's
 * {@code asteriskcdrdb.cdr}), read with its standard columns: {@code calldate} (the start, a DATETIME in the
 * PBX's zone), {@code duration}, {@code billsec}, {@code disposition}, {@code uniqueid} and the parties. The end is
 * {@code calldate + duration}, the answer {@code end - billsec}. A connection is opened per read: the table is read
 * after a gap, not per call. A row that does not make sense is skipped and logged with its uniqueid and field.
 */
public final class CdrTable implements CdrRecords {

    private static final Logger log = LoggerFactory.getLogger(CdrTable.class);
    /** How far before a window a call ending in it may have started (a day-long call is not a hotel's). */
    private static final Duration LONGEST_CALL = Duration.ofHours(24);
    private static final List<String> COLUMNS = List.of("calldate", "src", "dst", "dcontext", "channel",
            "dstchannel", "lastapp", "lastdata", "duration", "billsec", "disposition", "uniqueid");

    private final CdrStoreSettings.Table settings;
    private final ZoneId pbxZone;

    public CdrTable(CdrStoreSettings.Table settings, ZoneId pbxZone) {
        this.settings = settings;
        this.pbxZone = pbxZone;
    }

    @Override
    public String describe() {
        return settings.toString();
    }

    /** Throws, saying why, unless the table can be read with the columns used here. */
    public void check() {
        read(DSL.noCondition(), 0);
    }

    @Override
    public List<CdrRow> endedBetween(Instant from, Instant to) {
        Field<LocalDateTime> calldate = DSL.field(DSL.name("calldate"), LocalDateTime.class);
        List<CdrRow> rows = read(calldate.between(local(from.minus(LONGEST_CALL)), local(to)), Integer.MAX_VALUE);
        return rows.stream().filter(r -> !r.end().isBefore(from) && !r.end().isAfter(to)).toList();
    }

    private List<CdrRow> read(org.jooq.Condition where, int limit) {
        try (Connection c = DriverManager.getConnection(settings.url(), settings.user(), settings.password())) {
            DSLContext sql = DSL.using(c, SQLDialect.MARIADB);
            List<CdrRow> out = new ArrayList<>();
            for (Record r : sql.select(COLUMNS.stream().map(n -> DSL.field(DSL.name(n))).toList())
                    .from(DSL.table(DSL.name(settings.table().split("\\.")))).where(where)
                    .orderBy(DSL.field(DSL.name("calldate"))).limit(limit).fetch()) {
                row(r).ifPresent(out::add);
            }
            return out;
        } catch (SQLException | org.jooq.exception.DataAccessException e) {
            throw new IllegalStateException("cannot read the CDR " + describe() + ": " + e.getMessage(), e);
        }
    }

    private Optional<CdrRow> row(Record r) {
        String uniqueId = r.get("uniqueid", String.class);
        String where = settings.table() + " row uniqueid " + uniqueId;
        try {
            if (uniqueId == null || uniqueId.isBlank()) {
                throw new IllegalArgumentException("uniqueid: empty");
            }
            LocalDateTime calldate = r.get("calldate", LocalDateTime.class);
            Integer duration = r.get("duration", Integer.class);
            Integer billsec = r.get("billsec", Integer.class);
            if (calldate == null || duration == null || billsec == null || duration < 0 || billsec < 0 || billsec > duration) {
                throw new IllegalArgumentException("calldate/duration/billsec: '" + calldate + "', " + duration + ", "
                        + billsec + " do not make a call");
            }
            String disposition = text(r, "disposition").equalsIgnoreCase("CONGESTION") ? "FAILED" : text(r, "disposition");
            Disposition.fromCdrName(disposition);
            Instant start = calldate.atZone(pbxZone).toInstant();
            Instant end = start.plusSeconds(duration);
            Instant answer = "ANSWERED".equalsIgnoreCase(disposition) ? end.minusSeconds(billsec) : null;
            return Optional.of(new CdrRow(text(r, "src"), text(r, "dst"), text(r, "dcontext"), text(r, "channel"),
                    text(r, "dstchannel"), text(r, "lastapp"), text(r, "lastdata"), start, answer, end, billsec,
                    disposition, uniqueId, where));
        } catch (IllegalArgumentException e) {
            log.warn("{}: {} — row skipped", where, e.getMessage());
            return Optional.empty();
        }
    }

    private static String text(Record r, String column) {
        String v = r.get(column, String.class);
        return v == null ? "" : v;
    }

    private LocalDateTime local(Instant t) {
        return LocalDateTime.ofInstant(t, pbxZone);
    }
}
