package org.switchboard.core.cli;

import org.switchboard.core.auth.cli.*;
import org.switchboard.core.directory.cli.*;
import org.switchboard.core.folio.cli.*;
import org.switchboard.core.metrics.cli.*;
import org.switchboard.core.rating.cli.*;
import org.switchboard.core.records.cli.*;
import org.switchboard.core.stays.cli.*;
import org.switchboard.core.wakeup.cli.*;
import picocli.CommandLine.Command;

@Command(name = "switchboard", mixinStandardHelpOptions = true, version = "switchboard 0.1.0",
        description = "Hotel CTI and call accounting for Asterisk.",
        subcommands = {RunCommand.class, CheckConfigCommand.class, CallsCommand.class,
                RoomsCommand.class, RateCommand.class, RerateCommand.class, EnterCallCommand.class,
                EditCallCommand.class, CallHistoryCommand.class, StayCommands.CheckIn.class, StayCommands.Move.class,
                StayCommands.CheckOut.class, StayCommands.Guests.class, MetricsCommand.class, WakeupCommand.class,
                FolioCommands.Folio.class, FolioCommands.Audit.class, FolioCommands.AssignCall.class, FolioCommands.Credit.class,
                UserCommands.class})
final class SwitchboardCommand {
}
