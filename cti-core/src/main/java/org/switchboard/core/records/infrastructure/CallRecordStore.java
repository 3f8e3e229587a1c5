package org.switchboard.core.records.infrastructure;

import org.jooq.DSLContext;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.rating.infrastructure.ChargeRepository.ChargeableCall;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a record entered by hand, or a correction with its audit trail, together with the call's
 * new charge and posting-outbox row — one transaction, so a crash never leaves a corrected record
 * with its old charge (the repositories' own transactions nest as savepoints).
 */
public final class CallRecordStore {

    /** What was written: the call's id and its new charge (empty for an internal call). */
    public record Written(long callId, Optional<RatingResult> charge) {
    }

    private final DSLContext dsl;

    public CallRecordStore(DSLContext dsl) {
        this.dsl = dsl;
    }

    public Written enter(CompletedCall call, String enteredBy, Instant at, Function<ChargeableCall, RatingResult> pricing) {
        return dsl.transactionResult(trx -> {
            long id = new CallRepository(trx.dsl()).storeManual(call, enteredBy, at);
            return new Written(id, price(trx.dsl(), id, at, pricing, Cause.MANUAL));
        });
    }

    /** Empty when there is no such call. */
    public Optional<Written> correct(long callId, CallRepository.Correction fix, ZoneId hotelZone, String by,
                                     String reason, Instant at, Function<ChargeableCall, RatingResult> pricing) {
        return dsl.transactionResult(trx -> {
            if (!new CallRepository(trx.dsl()).correct(callId, fix, hotelZone, by, reason, at)) {
                return Optional.empty();
            }
            return Optional.of(new Written(callId, price(trx.dsl(), callId, at, pricing, Cause.CORRECTED)));
        });
    }

    private static Optional<RatingResult> price(DSLContext tx, long callId, Instant at,
                                                Function<ChargeableCall, RatingResult> pricing, Cause cause) {
        ChargeRepository charges = new ChargeRepository(tx);
        return charges.outboundCall(callId).map(c -> {
            RatingResult result = pricing.apply(c);
            charges.save(callId, result, at, cause);
            return result;
        });
    }
}
