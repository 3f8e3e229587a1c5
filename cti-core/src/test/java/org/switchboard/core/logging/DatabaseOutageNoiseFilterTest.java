package org.switchboard.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.spi.FilterReply;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DatabaseOutageNoiseFilterTest {

    private final LoggerContext context = new LoggerContext();
    private final DatabaseOutageNoiseFilter filter = new DatabaseOutageNoiseFilter();

    @Test
    @DisplayName("Quartz's errors about a lost database connection are dropped; its other errors and everyone else's pass")
    void onlyQuartzConnectionFailuresAreDropped() {
        var quartz = context.getLogger("org.quartz.core.ErrorLogger");
        Exception lost = new RuntimeException("Couldn't acquire next trigger", new SQLException("Connection is closed"));
        assertEquals(FilterReply.DENY, filter.decide(null, quartz, Level.ERROR, "An error occurred while scanning", null, lost));
        assertEquals(FilterReply.DENY, filter.decide(null, quartz, Level.ERROR, "x", null,
                new SQLNonTransientConnectionException("Socket error", "08000")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, quartz, Level.ERROR, "Job threw an unhandled exception", null,
                new IllegalStateException("a bug")));
        assertEquals(FilterReply.NEUTRAL, filter.decide(null, context.getLogger("org.switchboard.core.calls"), Level.ERROR,
                "x", null, lost));
    }
}
