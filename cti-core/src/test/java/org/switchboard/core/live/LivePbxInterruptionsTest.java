package org.switchboard.core.live;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.core.rating.Rating;
import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.AmiRecorder;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.CuttableLink;
import org.switchboard.core.support.LiveAsterisk;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.billing.rating.RatingResult;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_CHARGES;

/**
 * Against a real Asterisk 20 (PJSIP, cdr_csv, cdr_manager; see {@link LiveAsterisk}), with sipp phones: room 101
 * calls out on the trunk four times — seen whole; ending while the daemon's AMI link is cut; entirely inside a
 * cut; starting in a cut and ending after it. Each is stored once with Asterisk's own figures (its Master.csv row beside it) and charged once on its
 * billsec. The link is cut between the daemon and Asterisk, as a network failure would, by a forwarder.
 */
@Tag("live-pbx")
class LivePbxInterruptionsTest {

    static final String NUMBER = "0612345678"; // 0 + a national number: out on the trunk, priced

    @TempDir
    Path scratch;

    @Test
    void callsAcrossLinkCutsAreStoredOnceWithAsterisksFiguresAndChargedOnTheirBillsec() throws Exception {
        Path tree = LiveAsterisk.requireTree();
        try (LiveAsterisk pbx = LiveAsterisk.start(tree, scratch);
             AmiRecorder recorder = new AmiRecorder(pbx.amiPort(), LiveAsterisk.USER, LiveAsterisk.SECRET);
             CuttableLink link = new CuttableLink(pbx.amiPort());
             Database db = TestDatabase.freshDatabase();
             CaptureRig rig = CaptureRig.forPbx(db, link.port(), hotel(), pbx.masterCsv())) {
            assertTrue(WakeupRig.await(() -> rig.link.counters().logins() >= 1, Duration.ofSeconds(30)), "logged in");
            Thread.sleep(1500); // as the recordings begin: the first call 1.5 s after the login

            LiveAsterisk.finished(pbx.call(NUMBER, Duration.ofSeconds(3)), Duration.ofSeconds(30)); // seen whole
            assertTrue(rig.awaitStored(1, Duration.ofSeconds(20)), "the first call stored");

            Process second = pbx.call(NUMBER, Duration.ofSeconds(5)); // answered, then the link is cut
            Thread.sleep(2000);
            java.time.Instant cutAt = java.time.Instant.now();
            cut(link, rig);
            LiveAsterisk.finished(second, Duration.ofSeconds(30));
            LiveAsterisk.finished(pbx.call(NUMBER, Duration.ofSeconds(2)), Duration.ofSeconds(30)); // all in the cut
            Process fourth = pbx.call(NUMBER, Duration.ofSeconds(6)); // starts in the cut, ends after it
            Thread.sleep(2000);
            java.time.Instant restoredAt = java.time.Instant.now();
            link.restore();
            LiveAsterisk.finished(fourth, Duration.ofSeconds(30));
            Thread.sleep(3000); // the recordings end 3 s after the last call
            record(recorder, pbx, cutAt, restoredAt);

            assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 4, Duration.ofSeconds(40)),
                    () -> "four calls stored: " + db.dsl().fetchCount(CALLS) + "; " + rig.link.counters());
            List<String[]> rows = masterCsvRows(pbx.masterCsv());
            assertEquals(4, rows.size(), "Asterisk wrote four CDRs");
            // The second is stored from the CDR read at the re-login (its live half is then the duplicate); the
            // fourth was joined at the re-sync and corrected by its own Cdr event.
            List<Completeness> expected = List.of(Completeness.COMPLETE, Completeness.FROM_CDR, Completeness.FROM_CDR,
                    Completeness.JOINED_IN_PROGRESS);
            Rating rating = Rating.assemble(rig.config, db, java.time.Clock.systemUTC());
            for (int i = 0; i < 4; i++) {
                String[] row = rows.get(i);
                String uniqueId = row[16];
                int billsec = Integer.parseInt(row[13]);
                StoredCall call = rig.repository.findByLinkedId(uniqueId).get(0);
                assertEquals(expected.get(i).name(), call.completeness(), "call " + (i + 1) + ": " + call);
                long talk = call.talk().toMillis();
                assertTrue(Math.abs(talk - billsec * 1000L) <= 1000, "call " + (i + 1) + " talk " + talk
                        + " ms against billsec " + billsec + " (not the re-sync's upper bound)");
                assertTrue(WakeupRig.await(() -> chargesOf(db, call.id()) == 1, Duration.ofSeconds(20)),
                        "call " + (i + 1) + " charged once");
                BigDecimal charged = db.dsl().select(CALL_CHARGES.TOTAL).from(CALL_CHARGES)
                        .where(CALL_CHARGES.CALL_ID.eq(call.id())).fetchOne().value1();
                RatingResult price = rating.charges().price(new ChargeableCall(call.id(), "101", NUMBER,
                        call.startedAt(), call.talk(), "pstn"));
                assertEquals(0, ((RatingResult.Rated) price).total().amount().compareTo(charged),
                        "call " + (i + 1) + " priced on its talk, to the cent");
            }
            assertEquals(4, db.dsl().fetchCount(CALL_CHARGES), "no call charged twice");
        }
    }

    @Test
    void aCallUpAcrossADaemonRestartKeepsAsterisksStartAnswerAndBillsec() throws Exception {
        Path tree = LiveAsterisk.requireTree();
        try (LiveAsterisk pbx = LiveAsterisk.start(tree, scratch);
             Database db = TestDatabase.freshDatabase()) {
            Process call;
            try (CaptureRig before = CaptureRig.forPbx(db, pbx.amiPort(), hotel(), pbx.masterCsv())) {
                assertTrue(WakeupRig.await(() -> before.link.counters().logins() >= 1, Duration.ofSeconds(30)));
                call = pbx.call(NUMBER, Duration.ofSeconds(7));
                Thread.sleep(2500); // answered and talking when the daemon stops
            }
            try (CaptureRig after = CaptureRig.forPbx(db, pbx.amiPort(), hotel(), pbx.masterCsv())) {
                LiveAsterisk.finished(call, Duration.ofSeconds(30));
                assertTrue(after.awaitStored(1, Duration.ofSeconds(30)), "stored after the restart");
                String[] row = masterCsvRows(pbx.masterCsv()).get(0);
                StoredCall stored = after.repository.findByLinkedId(row[16]).get(0);
                assertEquals(Completeness.JOINED_IN_PROGRESS.name(), stored.completeness(), stored.toString());
                assertEquals(java.time.LocalDateTime.parse(row[9].replace(' ', 'T')).toInstant(java.time.ZoneOffset.UTC),
                        stored.startedAt(), "Asterisk's start, not the restart's");
                assertEquals(Duration.ofSeconds(Integer.parseInt(row[13])), stored.talk(), "billsec, not the talk since the restart");
                assertTrue(WakeupRig.await(() -> chargesOf(db, stored.id()) == 1, Duration.ofSeconds(20)), "charged once");
            }
        }
    }

    @Test
    void aCallTheKilledDaemonSawStartIsStoredOnceAfterItsRestartFromTheCdr() throws Exception {
        Path tree = LiveAsterisk.requireTree();
        String url = TestDatabase.freshDatabaseUrl();
        try (LiveAsterisk pbx = LiveAsterisk.start(tree, scratch)) {
            Path config = daemonConfig(pbx, url);
            Process call;
            Process first = startDaemon(config, "first");
            try {
                awaitLine(scratch.resolve("daemon-first.log"), "AMI logged in", Duration.ofSeconds(60));
                call = pbx.call(NUMBER, Duration.ofSeconds(8));
                Thread.sleep(3000); // answered and talking
            } finally {
                first.destroyForcibly(); // SIGKILL: no shutdown hook, no drain, no spill
                first.waitFor();
            }
            LiveAsterisk.finished(call, Duration.ofSeconds(30)); // it ends while no daemon runs, none stored yet
            Process second = startDaemon(config, "second");
            try (Database db = Database.connect(url, TestDatabase.user(), TestDatabase.password())) {
                awaitLine(scratch.resolve("daemon-second.log"), "AMI logged in", Duration.ofSeconds(60));
                assertTrue(WakeupRig.await(() -> db.dsl().fetchCount(CALLS) == 1, Duration.ofSeconds(60)),
                        () -> "stored after the restart: " + tail(scratch.resolve("daemon-second.log")));
                String[] row = masterCsvRows(pbx.masterCsv()).get(0);
                var stored = db.dsl().selectFrom(CALLS).fetchOne();
                assertEquals(row[16], stored.getLinkedid());
                assertEquals(Integer.parseInt(row[13]) * 1000L, stored.getTalkMs(), "billsec, not the talk since the restart");
                assertEquals("CDR", stored.getTimeSource());
                assertEquals("FROM_CDR", stored.getCompleteness(), "from how far the killed run had seen, noted as it ran");
                assertTrue(WakeupRig.await(() -> chargesOf(db, stored.getId()) == 1, Duration.ofSeconds(20)), "charged once");
            } finally {
                second.destroy();
                second.waitFor();
            }
        }
    }

    /** The shipped extensions and tariffs, and a switchboard.yaml for this PBX, the test's database and Master.csv. */
    private Path daemonConfig(LiveAsterisk pbx, String url) throws Exception {
        Path config = Files.createDirectories(scratch.resolve("config"));
        for (String f : List.of("extensions.yaml", "tariff-cn.yaml")) {
            Files.copy(Path.of("..", "config", f), config.resolve(f));
        }
        Files.writeString(config.resolve("switchboard.yaml"), "hotel:\n  name: Live Hotel\n  timezone: UTC\n"
                + "pbx:\n  host: 127.0.0.1\n  port: " + pbx.amiPort() + "\n  username: " + LiveAsterisk.USER
                + "\n  secret: " + LiveAsterisk.SECRET + "\n  timezone: UTC\n"
                + "trunks:\n  - name: pstn\n    device: PJSIP/trunk\n    did: \"5550100\"\n"
                + "database:\n  mode: external\n  url: " + url + "\n  user: " + TestDatabase.user()
                + "\n  password: \"" + TestDatabase.password() + "\"\n"
                + "http:\n  host: 127.0.0.1\n  port: 0\n"
                + "metrics:\n  talk-targets-seconds:\n    inquiry: 180\n    booking: 60\n    follow-up: 180\n"
                + "cdr-store:\n  csv-file: " + pbx.masterCsv() + "\n");
        return config;
    }

    /** {@code switchboard run} in a process of its own, as an installed daemon runs. */
    private Process startDaemon(Path config, String name) throws Exception {
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "-Dswitchboard.home=" + scratch,
                "org.switchboard.core.cli.Main", "run", "--config-dir", config.toString())
                .redirectErrorStream(true).redirectOutput(scratch.resolve("daemon-" + name + ".log").toFile()).start();
    }

    private static String tail(Path log) {
        try {
            String all = Files.readString(log);
            return all.substring(Math.max(0, all.length() - 3000));
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }

    private static void awaitLine(Path log, String text, Duration timeout) throws Exception {
        assertTrue(WakeupRig.await(() -> {
            try {
                return Files.exists(log) && Files.readString(log).contains(text);
            } catch (java.io.IOException e) {
                return false;
            }
        }, timeout), () -> "no '" + text + "' in " + log + ": " + tail(log));
    }

    /**
     * With {@code -Dswitchboard.record.dir=DIR}, the uncut AMI session's stream of this test, its Master.csv and the
     * cut's window are written there as the transcript {@code pjsip_outbound_link_cuts} (how the committed one was
     * made; see the transcripts' README).
     */
    private static void record(AmiRecorder recorder, LiveAsterisk pbx, java.time.Instant cutAt,
                               java.time.Instant restoredAt) throws Exception {
        String dir = System.getProperty("switchboard.record.dir");
        if (dir == null) {
            return;
        }
        String name = "pjsip_outbound_link_cuts";
        recorder.save(Path.of(dir), name, pbx.masterCsv());
        Files.writeString(Path.of(dir, name + ".cuts.tsv"), "cut_at\trestored_at\n" + epoch(cutAt) + "\t"
                + epoch(restoredAt) + "\n");
    }

    private static String epoch(java.time.Instant t) {
        return String.format("%d.%06d", t.getEpochSecond(), t.getNano() / 1000);
    }

    private static void cut(CuttableLink link, CaptureRig rig) throws Exception {
        long before = rig.link.counters().disconnects();
        link.cut();
        assertTrue(WakeupRig.await(() -> rig.link.counters().disconnects() > before, Duration.ofSeconds(15)),
                "the daemon saw the link drop");
    }

    private static int chargesOf(Database db, long callId) {
        return db.dsl().fetchCount(CALL_CHARGES, CALL_CHARGES.CALL_ID.eq(callId));
    }

    private static List<String[]> masterCsvRows(Path file) throws Exception {
        return Files.readAllLines(file).stream().filter(l -> !l.isBlank())
                .map(l -> org.switchboard.core.csv.Csv.parseLine(l).toArray(String[]::new)).toList();
    }

    /** Rooms 101 and 102 on PJSIP, the trunk {@code PJSIP/trunk}. */
    static Directory hotel() {
        return new Directory(Map.of(
                "101", new Extension("101", "101", null, "Room 101"),
                "102", new Extension("102", "102", null, "Room 102")),
                Map.of("operator", new Department("operator", "Operator", 3)),
                List.of(new Trunk("pstn", "PJSIP/trunk")));
    }
}
