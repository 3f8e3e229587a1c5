package org.switchboard.core.support;

import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.money.Money;
import org.switchboard.billing.rating.Rater;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.config.ConfigLoader;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.application.FolioPoster;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;

/**
 * A small hotel (rooms 801-810, Asia/Shanghai, the shipped Chinese tariff, business date closing at 04:00)
 * on a fresh test database, with stays and calls placed at chosen hotel times, and its folio services on a
 * clock the test moves.
 */
public final class FolioRig implements AutoCloseable {

    public final Path config;
    public final SwitchboardConfig settings;
    public final Database db;
    public final ShiftedClock clock;
    public final StayRepository stays;
    private final CallRepository calls;
    private final ChargeService pricing;
    private final ChargeRepository charges;

    public FolioRig(Path home) throws IOException {
        this.config = TestConfigDir.create(home, "801-810");
        Files.copy(Path.of("..", "config", "tariff-cn.yaml"), config.resolve("tariff-cn.yaml"));
        this.settings = ConfigLoader.load(config, home);
        this.db = RuntimeDatabase.connect(home, settings);
        this.clock = new ShiftedClock().setNow(at(LocalDate.of(2026, 11, 20), "08:00"));
        this.stays = new StayRepository(db.dsl());
        this.calls = new CallRepository(db.dsl());
        this.charges = new ChargeRepository(db.dsl());
        this.pricing = new ChargeService(new Rater(settings.tariffs()), charges, settings.hotelZone(), clock);
    }

    public FolioServices folios() {
        return FolioServices.on(db, settings, clock);
    }

    public FolioServices folios(FolioPoster.Probe probe) {
        return FolioServices.on(db, settings, clock, probe);
    }

    /** An instant in hotel time. */
    public Instant at(LocalDate date, String time) {
        return date.atTime(LocalTime.parse(time)).atZone(settings == null ? java.time.ZoneId.of("Asia/Shanghai")
                : settings.hotelZone()).toInstant();
    }

    public void checkIn(String account, String name, String room, String deposit, String sharerOf, Instant at) {
        stays.checkIn(account, name, room, Money.of(deposit, "CNY"), sharerOf, at);
    }

    /** Stores and rates an outbound call from the extension at hotel time start-end of that date; returns its id. */
    public long call(String extension, LocalDate date, String start, String end, String dialled) {
        var form = new ManualCallEntry.Form(extension, date, dialled, LocalTime.parse(start), LocalTime.parse(end), "rig");
        var call = new ManualCallEntry(settings.directory(), settings.hotelZone()).check(form);
        long id = calls.storeManual(call, "rig", clock.instant());
        pricing.rate(charges.outboundCall(id).orElseThrow(), Cause.CAPTURED);
        return id;
    }

    /**
     * Stores and rates a call as capture stores one it lost sight of: ended during a link outage, its end the
     * re-sync's upper bound, no CDR to confirm it.
     */
    public long guessedCall(String extension, LocalDate date, String start, String end, String dialled) {
        var form = new ManualCallEntry.Form(extension, date, dialled, LocalTime.parse(start), LocalTime.parse(end), "rig");
        var call = new ManualCallEntry(settings.directory(), settings.hotelZone()).check(form);
        long id = calls.storeManual(call, "rig", clock.instant());
        db.dsl().update(org.switchboard.core.storage.jooq.Tables.CALLS)
                .set(org.switchboard.core.storage.jooq.Tables.CALLS.COMPLETENESS, "ENDED_DURING_OUTAGE")
                .set(org.switchboard.core.storage.jooq.Tables.CALLS.TIME_SOURCE, "ARRIVAL")
                .where(org.switchboard.core.storage.jooq.Tables.CALLS.ID.eq(id)).execute();
        pricing.rate(charges.outboundCall(id).orElseThrow(), Cause.CAPTURED);
        return id;
    }

    /** Rates a stored call again (as a re-rating does): its charge row is rewritten and queued for posting again. */
    public void rateAgain(long callId) {
        pricing.rate(charges.outboundCall(callId).orElseThrow(), Cause.RERATED);
    }

    @Override
    public void close() {
        db.close();
    }
}
