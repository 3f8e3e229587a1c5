package org.switchboard.core.folio.application;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.folio.infrastructure.FolioLedger;
import org.switchboard.core.stays.Stays;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/** The folio use cases on one database, built alike for the daemon, the CLI and the HTTP API. */
public record FolioServices(FolioPoster poster, NightAudit audit, FolioDesk desk) {

    public static FolioServices on(Database db, SwitchboardConfig config, Clock clock) {
        return on(db, config, clock, chunk -> { });
    }

    public static FolioServices on(Database db, SwitchboardConfig config, Clock clock, FolioPoster.Probe probe) {
        FolioLedger ledger = new FolioLedger(db.dsl(), config.hotelZone(), config.folio().provisionalWait());
        FolioPoster poster = new FolioPoster(ledger, config.businessDay(), config.folio().creditLimit(), config.currency(),
                clock, probe);
        NightAudit audit = new NightAudit(ledger, poster, config.businessDay(), config.hotelName(), config.currency(), clock);
        FolioDesk desk = new FolioDesk(ledger, new CreditBook(db.dsl()), Stays.assemble(config, db, clock).guests(),
                config.folio().creditLimit(), clock);
        return new FolioServices(poster, audit, desk);
    }
}
