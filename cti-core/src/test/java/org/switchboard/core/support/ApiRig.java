package org.switchboard.core.support;

import org.switchboard.core.api.ApiAccess;
import org.switchboard.core.api.RouteTable;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiSettings;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The whole HTTP API as the daemon serves it, built by the daemon's own assembly (every route, the gate, the
 * configuration view), for rooms 801-810 of an Asia/Shanghai hotel on a fresh test database, with one user per
 * role ({@link ApiLogin}) and sessions on the test's clock. The daemon is assembled but not started: no PBX link.
 */
public final class ApiRig implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public final Database db = TestDatabase.freshDatabase();
    public final SwitchboardConfig config;
    public final ApiAccess access;
    public final String base;
    private final Daemon daemon;

    public ApiRig(ShiftedClock clock, Runnable stayChanged) throws InterruptedException {
        var hotel = WakeupRig.hotel(801, 10);
        AmiSettings noPbx = new AmiSettings("127.0.0.1", 1, "cti", "cti-secret", ZONE, Duration.ofSeconds(1),
                Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofMillis(100), Duration.ofMillis(500), 1_000);
        config = new SwitchboardConfig("Test Hotel", ZONE, noPbx, null, Duration.ZERO, "", hotel,
                CaptureRig.exampleTariffs(), new SwitchboardConfig.HttpSettings("127.0.0.1", 0), MetricsSettings.defaults());
        access = ApiLogin.access(db, clock);
        daemon = Daemon.assemble(config, noPbx, db, clock);
        daemon.onStayChange(stayChanged);
        base = "http://127.0.0.1:" + daemon.serveApi(0);
    }

    /** Every route the rig's daemon serves. */
    public RouteTable routes() {
        return daemon.servedRoutes();
    }

    @Override
    public void close() {
        daemon.close();
        db.close();
    }
}
