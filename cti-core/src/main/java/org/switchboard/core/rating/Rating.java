package org.switchboard.core.rating;

import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.billing.audit.AuditLine;
import org.switchboard.billing.rating.Rater;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/** Rating, assembled: each stored outbound call is priced on the configured tariffs as it is stored. */
public record Rating(ChargeService charges) {

    public static Rating assemble(SwitchboardConfig config, Database db, Clock clock) {
        return new Rating(new ChargeService(new Rater(config.tariffs()), new ChargeRepository(db.dsl()),
                config.hotelZone(), clock));
    }

    /** Prices a just-stored call if it went out; true when it did (so the folio has a charge to post). */
    public boolean stored(long callId, CompletedCall call) {
        if (call.direction() != CallDirection.OUTBOUND) {
            return false;
        }
        charges.rate(new ChargeableCall(callId, call.extension(), call.calleeNumber(), call.startedAt(),
                call.talk(), call.trunk()), AuditLine.Cause.CAPTURED);
        return true;
    }
}
