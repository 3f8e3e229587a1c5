package org.switchboard.core.records.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.calls.model.ManualCallEntry;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.records.CallRecordDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.Callable;

@Command(name = "enter-call", description = "Enter a call record by hand (录入话单); the duration is computed and the call is priced.")
public final class EnterCallCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Option(names = "--extension", required = true, description = "the extension that made the call")
    String extension;
    @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the date (hotel time zone)")
    LocalDate date;
    @Option(names = "--dialled", required = true, description = "the number as dialled, outside-line digit included")
    String dialled;
    @Option(names = "--start", required = true, paramLabel = "HH:MM:SS")
    LocalTime start;
    @Option(names = "--end", required = true, paramLabel = "HH:MM:SS", description = "before --start means past midnight")
    LocalTime end;
    @Option(names = "--entered-by", required = true, description = "who enters the record")
    String enteredBy;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            CallRecordDesk desk = new CallRecordDesk(c, db, Clock.systemUTC());
            CallRecordDesk.Priced done = desk.enter(new ManualCallEntry.Form(extension, date, dialled, start, end, enteredBy));
            long seconds = desk.find(done.callId()).orElseThrow().talk().toSeconds();
            spec.commandLine().getOut().printf("entered call #%d: %s → %s on %s, %s–%s (%d s) by %s; %s%n", done.callId(),
                    extension, dialled, date, start, end, seconds, enteredBy, CallRecordDesk.describe(done.charge()));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
