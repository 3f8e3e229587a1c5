package org.switchboard.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * While the database is unreachable (the embedded server restarting, an external one down), Quartz logs an ERROR
 * with a stack trace for every trigger scan and rollback. The outage itself is said once where it is known (the
 * embedded server's watcher, capture holding calls); Quartz retries by itself and misfired wake-ups are placed late,
 * not lost. So its connection failures are dropped here, counted, and summed up at most once a minute as one WARN.
 * Registered in logback.xml.
 */
public final class DatabaseOutageNoiseFilter extends TurboFilter {

    private static final org.slf4j.Logger log = LoggerFactory.getLogger(DatabaseOutageNoiseFilter.class);
    private static final long SUMMARY_EVERY_NANOS = 60_000_000_000L;
    private static final AtomicLong dropped = new AtomicLong();
    private static final AtomicLong lastSummary = new AtomicLong(System.nanoTime() - SUMMARY_EVERY_NANOS);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (!logger.getName().startsWith("org.quartz") || !level.isGreaterOrEqual(Level.WARN)) {
            return FilterReply.NEUTRAL;
        }
        if (!isConnectionFailure(t) && !(format != null && format.contains("connection"))) {
            return FilterReply.NEUTRAL;
        }
        long n = dropped.incrementAndGet();
        long last = lastSummary.get();
        long now = System.nanoTime();
        if (now - last >= SUMMARY_EVERY_NANOS && lastSummary.compareAndSet(last, now)) {
            log.warn("wake-up scheduler (Quartz) cannot reach the database; it retries by itself ({} such messages so far)", n);
        }
        return FilterReply.DENY;
    }

    static boolean isConnectionFailure(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof SQLNonTransientConnectionException || c instanceof SQLTransientConnectionException) {
                return true;
            }
            if (c instanceof SQLException s && ((s.getSQLState() != null && s.getSQLState().startsWith("08"))
                    || String.valueOf(s.getMessage()).contains("Connection is closed"))) {
                return true;
            }
        }
        return false;
    }
}
