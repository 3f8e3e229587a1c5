package org.switchboard.core.rating.application;

import org.switchboard.core.rating.model.ChargeableCall;
import org.switchboard.billing.audit.AuditLine.Cause;
import org.switchboard.billing.rating.CallToRate;
import org.switchboard.billing.rating.Rater;
import org.switchboard.billing.rating.RatingResult;
import org.switchboard.core.rating.infrastructure.ChargeRepository;

import org.switchboard.core.storage.Transaction;

import java.math.BigDecimal;
import java.util.Optional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.IntConsumer;

/**
 * Prices stored outbound calls with the tariff in force at each call's start (hotel zone) and keeps
 * one charge per call. Re-rating a period replaces the charges and reports what changed; running it
 * twice changes nothing the second time.
 */
public final class ChargeService {

    /** What a (re-)rating did: calls seen, charges whose total changed, and the totals before and after. */
    public record Summary(int calls, int changed, BigDecimal totalBefore, BigDecimal totalAfter) {
    }

    static final int CHUNK = 2000;
    private final Rater rater;
    private final ChargeRepository charges;
    private final ZoneId hotelZone;
    private final Clock clock;

    public ChargeService(Rater rater, ChargeRepository charges, ZoneId hotelZone, Clock clock) {
        this.rater = rater;
        this.charges = charges;
        this.hotelZone = hotelZone;
        this.clock = clock;
    }

    /** Prices a call and queues its charge for the guest's folio (in one transaction). */
    public RatingResult rate(ChargeableCall call, Cause cause) {
        RatingResult result = price(call);
        charges.save(call.callId(), result, clock.instant(), cause);
        return result;
    }

    /** Prices calls and queues their charges for the folios, all in one transaction and one JDBC batch. */
    public void rateAll(List<ChargeableCall> calls, Cause cause) {
        if (calls.isEmpty()) {
            return;
        }
        Map<Long, RatingResult> results = new LinkedHashMap<>();
        calls.forEach(c -> results.put(c.callId(), price(c)));
        charges.saveAll(results, clock.instant(), cause);
    }

    /** What the call costs under the tariff, stored nowhere (for callers that write it in their own transaction). */
    public RatingResult price(ChargeableCall call) {
        return rater.rate(toRate(call));
    }

    /**
     * Prices a stored call again inside {@code tx} (after an entry by hand or a correction) and saves the charge
     * there; empty when the call is not an outbound one.
     */
    public Optional<RatingResult> rateIn(Transaction tx, long callId, Cause cause) {
        ChargeRepository joined = new ChargeRepository(tx.dsl());
        return joined.outboundCall(callId).map(c -> {
            RatingResult result = price(c);
            joined.save(callId, result, clock.instant(), cause);
            return result;
        });
    }

    /** Rates outbound calls that have no charge yet; returns how many. */
    public int rateMissing() {
        return rateMissing(clock.instant());
    }

    /**
     * Rates outbound calls stored before {@code storedBefore} that have no charge (a write that failed, a stop
     * between storing and pricing), a chunk to a transaction; returns how many.
     */
    public int rateMissing(Instant storedBefore) {
        List<ChargeableCall> missing = charges.unratedOutboundCalls(storedBefore);
        for (int i = 0; i < missing.size(); i += CHUNK) {
            rateAll(missing.subList(i, Math.min(missing.size(), i + CHUNK)), Cause.CAPTURED);
        }
        return missing.size();
    }

    /**
     * Re-rates every outbound call of the hotel-zone dates [from, to] in chunks of {@value #CHUNK}
     * (one transaction each); {@code progress} gets the count done after each chunk.
     */
    public Summary rerate(LocalDate from, LocalDate to, IntConsumer progress) {
        List<ChargeableCall> calls = charges.outboundCalls(from, to);
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = BigDecimal.ZERO;
        int changed = 0;
        for (int start = 0; start < calls.size(); start += CHUNK) {
            List<ChargeableCall> chunk = calls.subList(start, Math.min(calls.size(), start + CHUNK));
            Map<Long, BigDecimal> old = charges.totals(chunk.stream().map(ChargeableCall::callId).toList());
            Map<Long, RatingResult> results = new LinkedHashMap<>();
            for (ChargeableCall c : chunk) {
                RatingResult result = rater.rate(toRate(c));
                results.put(c.callId(), result);
                BigDecimal was = old.get(c.callId());
                BigDecimal now = result instanceof RatingResult.Rated r ? r.total().amount() : null;
                before = was == null ? before : before.add(was);
                after = now == null ? after : after.add(now);
                if (!sameAmount(was, now)) {
                    changed++;
                }
            }
            charges.saveAll(results, clock.instant(), Cause.RERATED);
            progress.accept(start + chunk.size());
        }
        return new Summary(calls.size(), changed, before, after);
    }

    private CallToRate toRate(ChargeableCall call) {
        return new CallToRate(call.extension(), call.dialled(), call.startedAt().atZone(hotelZone).toLocalDateTime(),
                call.talk().toSeconds(), call.trunk());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }
}
