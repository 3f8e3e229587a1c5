package org.switchboard.core.rating.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.background.BackgroundLoop;

import java.time.Clock;
import java.time.Duration;

/**
 * Prices, while the daemon runs, the stored outbound calls that have no charge: a charge write that failed (a full
 * disk, a lost connection) is retried here, not at the next start. Only calls stored a while ago are taken, so a
 * call being priced right after its commit is left to the capture.
 */
public final class PricingRetry implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PricingRetry.class);

    /** How long after its commit a call without a charge counts as missed, not in progress. */
    static final Duration GRACE = Duration.ofSeconds(5);

    private final BackgroundLoop loop;

    public PricingRetry(ChargeService charges, Clock clock, Duration interval) {
        this.loop = new BackgroundLoop("pricing-retry", interval, () -> {
            int priced = charges.rateMissing(clock.instant().minus(GRACE));
            if (priced > 0) {
                log.warn("priced {} stored outbound call(s) that had no charge (an earlier charge write had failed)",
                        priced);
            }
        });
    }

    public void start() {
        loop.start();
    }

    @Override
    public void close() {
        loop.close();
    }
}
