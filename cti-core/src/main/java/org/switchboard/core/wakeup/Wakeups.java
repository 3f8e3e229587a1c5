package org.switchboard.core.wakeup;

import org.switchboard.core.wakeup.application.WakeupAnnouncer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.calls.application.CdrRecords;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.stays.application.RoomOccupancy;
import org.switchboard.core.stays.Stays;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.application.WakeupCaller;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.application.WakeupTimers;
import org.switchboard.core.wakeup.infrastructure.QuartzWakeupTimers;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;
import org.switchboard.core.wakeup.web.WakeupRoutes;
import org.switchboard.pbx.ami.Originator;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * Wake-up calls, assembled: the operators' desk, the Quartz timers (JDBC job store) that fire each call, and the
 * caller that rings the room through the PBX, retries, and escalates to the operator.
 */
public final class Wakeups implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Wakeups.class);

    private final SwitchboardConfig config;
    private final Clock clock;
    private final QuartzWakeupTimers timers;
    private final WakeupDesk desk;
    private final WakeupCaller caller;

    private Wakeups(SwitchboardConfig config, Database db, Clock clock, Originator pbx, WakeupAnnouncer announcer,
                    RoomOccupancy occupancy, CdrRecords cdr) {
        this.config = config;
        this.clock = clock;
        WakeupRepository repository = new WakeupRepository(db.dsl());
        this.timers = QuartzWakeupTimers.open(db.dataSource(), clock);
        this.desk = new WakeupDesk(db, timers, config.directory(), occupancy, config.hotelZone(), clock);
        this.caller = new WakeupCaller(repository, timers, pbx, config.wakeup(), config.hotelZone(), clock, announcer, cdr);
    }

    /**
     * Rings rooms through {@code pbx}; tells {@code announcer} (the live board) of escalations; asks {@code cdr}
     * (Asterisk's CDR store, or null) how a call ended while the link was down.
     */
    public static Wakeups assemble(SwitchboardConfig config, Database db, Clock clock, Originator pbx,
                                   WakeupAnnouncer announcer, RoomOccupancy occupancy, CdrRecords cdr) {
        return new Wakeups(config, db, clock, pbx, announcer, occupancy, cdr);
    }

    /** The desk alone, for a command: bookings set their timers on {@code timers} at once; nothing rings from here. */
    public static WakeupDesk desk(SwitchboardConfig config, Database db, WakeupTimers timers, Clock clock) {
        return new WakeupDesk(db, timers, config.directory(),
                Stays.assemble(config, db, clock).occupancy(), config.hotelZone(), clock);
    }

    /**
     * Wake-ups follow the guest for a command that is not the daemon: the timers are opened only when a room
     * changes; {@code report} hears what changed, in words.
     */
    public static StayDesk.RoomChanges followingGuests(SwitchboardConfig config, Database db, Clock clock,
                                                       Consumer<String> report) {
        return WakeupDesk.followingGuests(action -> {
            try (QuartzWakeupTimers timers = QuartzWakeupTimers.open(db.dataSource(), clock)) {
                action.accept(desk(config, db, timers, clock));
            }
        }, report);
    }

    public WakeupDesk desk() {
        return desk;
    }

    public WakeupCaller caller() {
        return caller;
    }

    /** Wake-ups follow the guest: a check-out cancels the room's, a move books them for the new room. */
    public StayDesk.RoomChanges followingGuests() {
        return WakeupDesk.followingGuests(action -> action.accept(desk), log::info);
    }

    public ApiRoutes routes() {
        return new WakeupRoutes(desk, clock, config.hotelZone());
    }

    /** Stops the caller, and with it the timers. */
    @Override
    public void close() {
        caller.close();
    }
}
