package org.switchboard.core.folio;

import org.switchboard.core.refusal.Refusal;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.switchboard.billing.money.Money;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.folio.application.FolioDesk;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.ShiftedClock;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.core.support.WakeupRig;
import org.switchboard.core.wakeup.model.WakeupSettings;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.AstDb;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Class of service over AMI, asserted on the AMI test peer: check-in opens the room's phone, reaching the
 * credit limit bars it (DBPut) and alarms the operator, lifting the bar (audited) opens it, check-out closes it.
 */
@ClockSensitive
class CreditLimitBarringTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    Database db;
    AmiServer pbx;
    ShiftedClock clock = new ShiftedClock();

    @BeforeEach
    void start() throws Exception {
        db = TestDatabase.freshDatabase();
        pbx = new AmiServer("cti", "cti-secret", clock);
        pbx.start(0);
        clock.setNow(DAY.atTime(9, 0).atZone(ZONE).toInstant());
    }

    @AfterEach
    void stop() {
        pbx.close();
        db.close();
    }

    @Test
    void reachingTheCreditLimitBarsTheRoomOnThePbxAndAlarmsTheOperator() throws Exception {
        try (WakeupRig rig = new WakeupRig(db, pbx.port(), ZONE, WakeupRig.hotel(101, 2), WakeupSettings.defaults(), clock)) {
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(20)));
            StayRepository stays = new StayRepository(db.dsl());
            stays.checkIn("A101", "张三", "101", Money.of("10", "CNY"), null, clock.instant());
            rig.daemon.classOfServiceChanged();
            await(() -> cos("101").equals(Optional.of("full")) && cos("102").equals(Optional.of("internal")),
                    "check-in opens 101; vacant 102 stays internal");

            CallRecordDesk records = new CallRecordDesk(rig.config, db, clock);
            var entered = records.enter(new ManualCallEntry.Form("101", DAY, "00441234567890", LocalTime.of(10, 0),
                    LocalTime.of(10, 1, 5), "test"));
            assertTrue(entered.charge().isPresent(), "an outside call is priced as it is entered");
            await(() -> last("101").equals(Optional.of("internal")), "charges over 80% of the deposit bar 101");
            await(() -> rig.stream.stream().anyMatch(e -> e.type().equals("credit-limit")), "the operator is alarmed");
            @SuppressWarnings("unchecked")
            Map<String, Object> alarm = (Map<String, Object>) rig.stream.stream()
                    .filter(e -> e.type().equals("credit-limit")).findFirst().orElseThrow().data();
            assertEquals("101", alarm.get("room"));
            assertEquals("A101", alarm.get("account"));
            assertEquals("8", alarm.get("limit"));

            FolioDesk desk = rig.daemon.folios().desk();
            assertTrue(desk.forRoom("101").barred());
            Refusal noReason = assertThrows(Refusal.class,
                    () -> desk.lift("A101", "duty manager", " ", null));
            assertTrue(noReason.getMessage().contains("--reason"));
            Refusal tooSmall = assertThrows(Refusal.class,
                    () -> desk.lift("A101", "duty manager", "paid more", new BigDecimal("12")));
            assertTrue(tooSmall.getMessage().contains("still leaves charges"), tooSmall.getMessage());
            desk.lift("A101", "duty manager", "guest paid 500 more", new BigDecimal("510"));
            rig.daemon.classOfServiceChanged();
            await(() -> last("101").equals(Optional.of("full")), "lifting the bar opens 101 again");
            var bar = desk.bars(false).get(0);
            assertEquals("duty manager", bar.liftedBy());
            assertEquals("guest paid 500 more", bar.liftReason());
            assertEquals(0, bar.newDeposit().compareTo(new BigDecimal("510")));

            stays.checkOut("A101", clock.instant());
            rig.daemon.classOfServiceChanged();
            await(() -> last("101").equals(Optional.of("internal")), "check-out closes 101");
            List<AstDb.Put> puts101 = pbx.astDb().puts().stream().filter(p -> p.key().equals("101")).toList();
            assertEquals(List.of("full", "internal", "full", "internal"), puts101.stream().map(AstDb.Put::value).toList(),
                    "each change sent once, in order");
            assertTrue(puts101.stream().allMatch(p -> p.family().equals("cos")));
        }
    }

    private Optional<String> cos(String ext) {
        return pbx.astDb().get("cos", ext);
    }

    private Optional<String> last(String ext) {
        List<AstDb.Put> puts = pbx.astDb().puts().stream().filter(p -> p.key().equals(ext)).toList();
        return puts.isEmpty() ? Optional.empty() : Optional.of(puts.get(puts.size() - 1).value());
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("timed out waiting: " + what);
            }
            Thread.sleep(50);
        }
    }
}
