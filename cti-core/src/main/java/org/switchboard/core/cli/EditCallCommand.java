package org.switchboard.core.cli;

import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.concurrent.Callable;

@Command(name = "edit-call", description = "Correct a stored call record; every change is kept in its audit trail and the call is priced again.")
final class EditCallCommand implements Callable<Integer> {

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
        if (dialled == null && start == null && end == null) {
            throw new IllegalArgumentException("nothing to change: give --dialled, --start and/or --end");
        }
        if (dialled != null && !dialled.matches("[0-9*#]{2,32}")) {
            spec.commandLine().getErr().println("switchboard edit-call: dialled: '" + dialled + "' is not a dialled number");
            return 2;
        }
        SwitchboardConfig c = options.load();
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            CallRecords records = new CallRecords(c, db);
            CallRepository.StoredCall old = records.calls.findById(id)
                    .orElseThrow(() -> new IllegalArgumentException("no call #" + id));
            LocalDate day = old.startedAt().atZone(c.hotelZone()).toLocalDate();
            Instant newStart = start == null ? null : day.atTime(start).atZone(c.hotelZone()).toInstant();
            Instant from = newStart != null ? newStart : old.startedAt();
            Instant newEnd = null;
            if (end != null) {
                newEnd = day.atTime(end).atZone(c.hotelZone()).toInstant();
                if (!newEnd.isAfter(from)) {
                    newEnd = newEnd.plus(java.time.Duration.ofDays(1));
                }
            }
            records.calls.correct(id, new CallRepository.Correction(dialled, newStart, newEnd), c.hotelZone(), by,
                    reason, Instant.now());
            spec.commandLine().getOut().printf("corrected call #%d (%d change(s) in its history); %s%n", id,
                    records.calls.history(id).size(), records.price(id));
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
