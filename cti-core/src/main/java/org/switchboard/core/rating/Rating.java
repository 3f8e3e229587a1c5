package org.switchboard.core.rating;

import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.rating.Rater;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.application.PricingRetry;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Rating, assembled: each stored outbound call is priced on the configured tariffs as it is stored. */
public record Rating(ChargeService charges, Clock clock) {

    public static Rating assemble(SwitchboardConfig config, Database db, Clock clock) {
        return new Rating(new ChargeService(new Rater(config.tariffs()), new ChargeRepository(db.dsl()),
                config.hotelZone(), clock), clock);
    }

    /** Prices, every {@code interval} while it runs, stored outbound calls whose charge write failed. */
    public PricingRetry retryEvery(Duration interval) {
        return new PricingRetry(charges, clock, interval);
    }

    /** Prices the just-stored calls that went out, in one transaction; returns how many (the folio's to post). */
    public int stored(List<CaptureService.Captured> calls) {
        List<ChargeableCall> outbound = calls.stream().filter(c -> c.call().direction() == CallDirection.OUTBOUND)
                .map(c -> new ChargeableCall(c.callId(), c.call().extension(), c.call().calleeNumber(),
                        c.call().startedAt(), c.call().talk(), c.call().trunk())).toList();
        charges.rateAll(outbound, AuditLine.Cause.CAPTURED);
        return outbound.size();
    }
}
