package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.config.CdrStoreSettings;
import org.switchboard.core.calls.infrastructure.CdrTable;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.support.TestDatabase;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Asterisk's {@code cdr} table as FreePBX keeps it ({@code asteriskcdrdb.cdr}, cdr_mysql's columns and more), on the
 * test MariaDB server: the rows of a window, with the end and answer made from calldate, duration and billsec in
 * the PBX's zone; a row that makes no sense is skipped; an unreadable table is named, with the server's reason.
 */
class CdrTableTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void readsTheRowsOfCallsThatEndedInTheWindow() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        try (Connection c = DriverManager.getConnection(url, TestDatabase.user(), TestDatabase.password());
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE cdr (calldate DATETIME NOT NULL, clid VARCHAR(80), src VARCHAR(80), dst VARCHAR(80),"
                    + " dcontext VARCHAR(80), channel VARCHAR(80), dstchannel VARCHAR(80), lastapp VARCHAR(80),"
                    + " lastdata VARCHAR(80), duration INT, billsec INT, disposition VARCHAR(45), amaflags INT,"
                    + " accountcode VARCHAR(20), uniqueid VARCHAR(32), userfield VARCHAR(255), did VARCHAR(50),"
                    + " recordingfile VARCHAR(255), cnum VARCHAR(80), cnam VARCHAR(80), linkedid VARCHAR(32),"
                    + " peeraccount VARCHAR(80), sequence INT, KEY calldate (calldate))");
            s.execute("INSERT INTO cdr (calldate, src, dst, dcontext, channel, dstchannel, lastapp, lastdata, duration,"
                    + " billsec, disposition, uniqueid, linkedid, sequence) VALUES"
                    + " ('2026-11-23 15:52:07', '102', '0612345678', 'hotel-internal', 'PJSIP/102-0000000a',"
                    + "  'PJSIP/trunk-0000000b', 'Dial', 'PJSIP/612345678@trunk,60', 23, 20, 'ANSWERED', '1795420327.10', '1795420327.10', 1),"
                    + " ('2026-11-23 15:53:16', '9000', '', 'hotel-internal', 'PJSIP/102-0000000f', '', 'AppDial2',"
                    + "  '(Outgoing Line)', 15, 0, 'NO ANSWER', '1795420395.15', '1795420395.15', 2),"
                    + " ('2026-11-23 15:54:00', '101', '102', 'hotel-internal', 'PJSIP/101-00000010', '', 'Dial', '',"
                    + "  5, 9, 'ANSWERED', '1795420440.16', '1795420440.16', 3)," // billsec over duration: skipped
                    + " ('2026-11-23 18:00:00', '101', '102', 'hotel-internal', 'PJSIP/101-00000011', '', 'Dial', '',"
                    + "  5, 2, 'ANSWERED', '1795428000.17', '1795428000.17', 4)"); // after the window
        }
        CdrTable table = new CdrTable(new CdrStoreSettings.Table(url, TestDatabase.user(), TestDatabase.password(),
                "cdr", "switchboard.yaml:74"), SHANGHAI);
        table.check();

        List<CdrRow> rows = table.endedBetween(Instant.parse("2026-11-23T07:50:00Z"), Instant.parse("2026-11-23T08:00:00Z"));
        assertEquals(List.of("1795420327.10", "1795420395.15"), rows.stream().map(CdrRow::uniqueId).toList());
        CdrRow national = rows.get(0);
        assertEquals(Instant.parse("2026-11-23T07:52:07Z"), national.start(), "calldate in the PBX's zone");
        assertEquals(Instant.parse("2026-11-23T07:52:30Z"), national.end(), "calldate + duration");
        assertEquals(Instant.parse("2026-11-23T07:52:10Z"), national.answer(), "end - billsec");
        assertEquals(20, national.billsec());
        assertEquals("PJSIP/trunk-0000000b", national.dstChannel());
        assertNull(rows.get(1).answer(), "not answered");
        assertTrue(rows.get(1).originated(), "a wake-up's row");
    }

    @Test
    void aTableThatCannotBeReadIsNamedWithTheServersReason() {
        CdrTable missing = new CdrTable(new CdrStoreSettings.Table(TestDatabase.freshDatabaseUrl(), TestDatabase.user(),
                TestDatabase.password(), "asterisk_cdr", "switchboard.yaml:74"), SHANGHAI);
        IllegalStateException e = assertThrows(IllegalStateException.class, missing::check);
        assertTrue(e.getMessage().startsWith("cannot read the CDR table asterisk_cdr at jdbc:mariadb://"), e.getMessage());
        assertTrue(e.getMessage().contains("asterisk_cdr' doesn't exist"), e.getMessage());
    }
}
