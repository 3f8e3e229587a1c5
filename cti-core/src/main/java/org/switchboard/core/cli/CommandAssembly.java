package org.switchboard.core.cli;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.stays.Stays;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.Wakeups;

import java.time.Clock;
import java.util.function.Consumer;

/**
 * The one place that joins capabilities for the commands (the CLI process), as the daemon's {@code Daemon} does
 * for {@code run}: a command of one capability never wires another's.
 */
public final class CommandAssembly {

    private CommandAssembly() {
    }

    /** The front-office desk: the room's wake-ups follow the guest; {@code report} hears what changed, in words. */
    public static StayDesk stayDesk(SwitchboardConfig config, Database db, Clock clock, Consumer<String> report) {
        return Stays.assemble(config, db, clock).desk(Wakeups.followingGuests(config, db, clock, report));
    }
}
