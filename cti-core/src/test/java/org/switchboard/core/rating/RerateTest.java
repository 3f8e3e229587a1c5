package org.switchboard.core.rating;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.billing.rating.Rater;
import org.switchboard.core.rating.config.TariffLoader;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.CaptureRig;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A captured outbound call is priced once; re-rating is idempotent and reports corrected prices. */
@ClockSensitive
class RerateTest {

    @TempDir
    Path corrected;

    @Test
    void rerateChangesNothingTwiceAndPicksUpACorrectedTariff() throws Exception {
        Transcript recorded = Transcript.fromResource("outbound_national_trunk_hangup");
        // On a clock anchored at the recording (a Monday morning): the tariff's night and weekend bands would price
        // the same call differently at another hour or day (the date proof's Sunday night found it).
        Clock clock = new ShiftedClock().setNow(recorded.recordedStart());
        try (Database db = TestDatabase.freshDatabase();
             AmiServer pbx = new AmiServer("cti", "cti-secret", clock)) {
            int port = pbx.start(0);
            try (CaptureRig rig = new CaptureRig(db, port, Duration.ofMillis(100), CaptureRig.recordingHotel(), clock)) {
                assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(10)));
                Thread.sleep(300);
                new TranscriptPlayer(pbx, 1, false, clock).play(recorded);
                assertTrue(rig.awaitStored(1, Duration.ofSeconds(10)));
                // Priced right after it is stored: wait for the charge itself (300 ms of sleep was too short on a busy box).
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (db.dsl().fetchCount(org.switchboard.core.storage.jooq.Tables.CALL_CHARGES) == 0
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertEquals(1, db.dsl().fetchCount(org.switchboard.core.storage.jooq.Tables.CALL_CHARGES), "priced at capture");
            }
            LocalDate today = LocalDate.ofInstant(recorded.recordedStart(), ZoneOffset.UTC);
            ChargeRepository charges = new ChargeRepository(db.dsl());
            ChargeService same = new ChargeService(new Rater(CaptureRig.exampleTariffs()), charges, ZoneOffset.UTC,
                    Clock.systemUTC());
            ChargeService.Summary again = same.rerate(today.minusDays(1), today.plusDays(1), n -> { });
            assertEquals(1, again.calls());
            assertEquals(0, again.changed(), "same tariff, same prices");
            assertEquals(0, new BigDecimal("2.15").compareTo(again.totalAfter()));

            String example = Files.readString(CaptureRig.EXAMPLE_CONFIG.resolve("tariff-cn.yaml"));
            String national = "initial-block-price: \"1.00\""; // only the national plan starts at 1.00
            assertEquals(example.indexOf(national), example.lastIndexOf(national));
            Files.writeString(corrected.resolve("tariff-cn.yaml"), example.replace(national, "initial-block-price: \"2.00\""));
            ChargeService fixed = new ChargeService(new Rater(TariffLoader.loadAll(corrected)), charges, ZoneOffset.UTC,
                    Clock.systemUTC());
            ChargeService.Summary s = fixed.rerate(today.minusDays(1), today.plusDays(1), n -> { });
            assertEquals(1, s.changed());
            assertEquals(0, new BigDecimal("2.15").compareTo(s.totalBefore()));
            assertEquals(0, new BigDecimal("3.30").compareTo(s.totalAfter()), "2.00 + 15% + 1.00");
            assertEquals(0, fixed.rerate(today.minusDays(1), today.plusDays(1), n -> { }).changed());
        }
    }
}
