package org.switchboard.core.support;

import org.switchboard.core.api.ApiAccess;
import org.switchboard.core.api.HttpApiServer;
import org.switchboard.core.auth.application.Sessions;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.model.MetricsSettings;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.stays.application.RoomOccupancy;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.infrastructure.QuartzWakeupTimers;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;

import java.time.Duration;
import java.time.ZoneId;

/**
 * The whole HTTP API as the daemon serves it (every route, the gate, the configuration view) for rooms 801-810 of
 * an Asia/Shanghai hotel on a fresh test database, with one user per role ({@link ApiLogin}) and sessions on the
 * test's clock.
 */
public final class ApiRig implements AutoCloseable {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public final Database db = TestDatabase.freshDatabase();
    public final SwitchboardConfig config;
    public final ApiAccess access;
    public final String base;
    private final HttpApiServer server;
    private final QuartzWakeupTimers timers;

    public ApiRig(ShiftedClock clock, Runnable stayChanged) throws InterruptedException {
        var hotel = WakeupRig.hotel(801, 10);
        config = new SwitchboardConfig("Test Hotel", ZONE, null, null, Duration.ZERO, "", hotel,
                CaptureRig.exampleTariffs(), new SwitchboardConfig.HttpSettings("127.0.0.1", 0), MetricsSettings.defaults());
        timers = QuartzWakeupTimers.open(db.dataSource(), clock);
        WakeupDesk wakeups = new WakeupDesk(new WakeupRepository(db.dsl()), timers, hotel,
                RoomOccupancy.of(new StayRepository(db.dsl())), ZONE, clock);
        access = new ApiAccess(ApiLogin.access(db, clock).users(), new Sessions(clock, Duration.ofMinutes(30),
                Duration.ofHours(12)), false);
        server = new HttpApiServer(access).showingConfiguration(config);
        int port = server.start("127.0.0.1", 0, new CallRecordDesk(config, db, clock), new MetricsDesk(config, db, clock),
                new LiveBoard(hotel), clock, ZONE, wakeups, FolioServices.on(db, config, clock),
                new StayDesk(new StayRepository(db.dsl()), hotel, clock), stayChanged, "CNY");
        base = "http://127.0.0.1:" + port;
    }

    @Override
    public void close() {
        server.close();
        timers.close();
        db.close();
    }
}
