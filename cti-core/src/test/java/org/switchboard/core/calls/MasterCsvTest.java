package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.infrastructure.MasterCsv;
import org.switchboard.core.calls.model.CdrRow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** Reading a window of Master.csv from its tail: far back, recent, a bad row skipped, times in the PBX's zone. */
class MasterCsvTest {

    static final ZoneId PBX = ZoneId.of("Asia/Shanghai");
    static final DateTimeFormatter T = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    static final LocalDateTime FIRST = LocalDateTime.of(2026, 11, 23, 0, 0);

    @TempDir
    Path dir;

    @Test
    void aWindowIsFoundFarBackOrRecentAndABadRowIsSkipped() throws IOException {
        Path file = dir.resolve("Master.csv");
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < 20_000; i++) { // a call a minute, ~5 MB: more than the first tail read
            LocalDateTime start = FIRST.plusMinutes(i);
            if (i == 19_990) {
                csv.append("\"\",\"101\",\"102\",\"hotel-internal\",\"\",\"SIP/101-1\",\"SIP/102-2\",\"Dial\",\"SIP/102,30\","
                        + "\"yesterday\",,\"2026-11-23 00:00:10\",10,0,\"NO ANSWER\",\"DOCUMENTATION\",\"1.bad\",\"\"\n");
                continue;
            }
            csv.append("\"\",\"101\",\"0612345678\",\"hotel-internal\",\"\"\"Room 101\"\" <101>\",\"SIP/101-")
                    .append(i).append("\",\"SIP/trunk-").append(i).append("\",\"Dial\",\"SIP/trunk/612345678,60\",\"")
                    .append(T.format(start)).append("\",\"").append(T.format(start.plusSeconds(3))).append("\",\"")
                    .append(T.format(start.plusSeconds(23))).append("\",23,20,\"ANSWERED\",\"DOCUMENTATION\",\"17000.")
                    .append(i).append("\",\"\"\n");
        }
        Files.writeString(file, csv);
        MasterCsv store = new MasterCsv(file, PBX);

        List<CdrRow> farBack = store.endedBetween(at(FIRST.plusMinutes(10)), at(FIRST.plusMinutes(12)));
        assertEquals(List.of("17000.10", "17000.11"), farBack.stream().map(CdrRow::uniqueId).toList());
        CdrRow r = farBack.get(0);
        assertEquals(at(FIRST.plusMinutes(10)), r.start(), "Master.csv's times are the PBX's local time");
        assertEquals(20, r.billsec());
        assertEquals("SIP/trunk/612345678,60", r.lastData());

        List<CdrRow> recent = store.endedBetween(at(FIRST.plusMinutes(19_985)), at(FIRST.plusMinutes(19_995)));
        assertEquals(9, recent.size(), "19,985 to 19,994 ended in the window, the bad row 19,990 skipped");
        assertEquals(List.of(), store.endedBetween(at(FIRST.plusMinutes(30_000)), at(FIRST.plusMinutes(30_001))));
        assertEquals(List.of(), new MasterCsv(dir.resolve("not-yet.csv"), PBX).endedBetween(Instant.EPOCH, at(FIRST)));
        assertNull(farBack.stream().filter(x -> x.answer() == null).findFirst().orElse(null));
    }

    private static Instant at(LocalDateTime t) {
        return t.atZone(PBX).toInstant();
    }
}
