package org.switchboard.core.records;

import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.records.web.CallRecordsRoutes;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/** Call records (话单), assembled: search, entry by hand and correction, for the API as for the CLI. */
public final class Records {

    private Records() {
    }

    public static ApiRoutes routes(SwitchboardConfig config, Database db, Clock clock) {
        return new CallRecordsRoutes(new CallRecordDesk(config, db, clock), config.hotelZone());
    }
}
