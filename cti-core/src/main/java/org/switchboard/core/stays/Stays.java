package org.switchboard.core.stays;

import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.stays.application.InHouseGuests;
import org.switchboard.core.stays.application.RoomOccupancy;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;
import org.switchboard.core.stays.web.StayRoutes;
import org.switchboard.core.storage.Database;

import java.time.Clock;

/**
 * Guest stays, assembled: who is in which room (what wake-ups and the folio ask), and the front-office desk whose
 * check-in, move and check-out the other capabilities follow through {@link StayDesk.RoomChanges}.
 */
public final class Stays {

    private final SwitchboardConfig config;
    private final Clock clock;
    private final StayRepository repository;
    private final Database db;

    private Stays(SwitchboardConfig config, Database db, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.db = db;
        this.repository = new StayRepository(db.dsl());
    }

    public static Stays assemble(SwitchboardConfig config, Database db, Clock clock) {
        return new Stays(config, db, clock);
    }

    /** Who is in house now. */
    public InHouseGuests guests() {
        return new InHouseGuests() {
            @Override
            public java.util.List<org.switchboard.core.stays.model.InHouse> inHouse() {
                return repository.inHouse();
            }

            @Override
            public boolean keepsStays() {
                return repository.keepsStays();
            }
        };
    }

    public RoomOccupancy occupancy() {
        return RoomOccupancy.of(repository);
    }

    /** The desk, telling {@code changes} when a room empties or a guest moves. */
    public StayDesk desk(StayDesk.RoomChanges changes) {
        return new StayDesk(db, config.directory(), clock, changes);
    }

    /** {@code stayChanged} runs after each change (the class of service follows at once). */
    public ApiRoutes routes(StayDesk desk, Runnable stayChanged) {
        return new StayRoutes(desk, stayChanged, config.currency());
    }
}
