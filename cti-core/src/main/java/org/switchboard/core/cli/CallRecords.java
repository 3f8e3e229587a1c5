package org.switchboard.core.cli;

import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/** What the call-record commands share: the repositories and the pricing of a changed record. */
final class CallRecords {

    final CallRepository calls;
    final ChargeRepository charges;
    final ChargeService pricing;

    CallRecords(SwitchboardConfig config, Database db) {
        this.calls = new CallRepository(db.dsl());
        this.charges = new ChargeRepository(db.dsl());
        this.pricing = new ChargeService(new Rater(config.tariffs()), charges, config.hotelZone(), Clock.systemUTC());
    }

    /** Prices the call again if it is an outbound one; returns a line describing the charge. */
    String price(long callId) {
        return charges.outboundCall(callId).map(c -> {
            RatingResult r = pricing.rate(c);
            return r instanceof RatingResult.Rated rated ? "charge " + rated.total() + " — " + rated.explanation()
                    : "not rated: " + ((RatingResult.NotRated) r).detail();
        }).orElse("no charge (internal call)");
    }
}
