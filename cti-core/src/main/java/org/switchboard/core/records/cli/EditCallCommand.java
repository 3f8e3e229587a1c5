package org.switchboard.core.records.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.LocalTime;
import java.util.concurrent.Callable;

@Command(name = "edit-call", description = "Correct a stored call record; every change is kept in its audit trail and the call is priced again.")
public final class EditCallCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Parameters(index = "0", paramLabel = "ID", description = "the call's number (#ID as shown by enter-call)")
    long id;
    @Option(names = "--dialled", description = "the corrected dialled number")
    String dialled;
    @Option(names = "--start", paramLabel = "HH:MM:SS", description = "the corrected start, on the call's date")
    LocalTime start;
    @Option(names = "--end", paramLabel = "HH:MM:SS", description = "the corrected end (before the start: next day)")
    LocalTime end;
    @Option(names = "--by", required = true, description = "who makes the correction")
    String by;
    @Option(names = "--reason", required = true, description = "why (kept in the audit trail)")
    String reason;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            CallRecordDesk desk = new CallRecordDesk(c, db, Clock.systemUTC());
            CallRecordDesk.Priced done = desk.correct(id, dialled, start, end, by, reason);
            spec.commandLine().getOut().printf("corrected call #%d (%d change(s) in its history); %s%n", id,
                    desk.history(id).size(), CallRecordDesk.describe(done.charge()));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
