package org.switchboard.core.records.cli;

import org.switchboard.core.calls.model.StoredCall;
import org.switchboard.core.calls.model.CallEdit;
import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.calls.application.CallArchive;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.storage.Database;
import org.switchboard.core.storage.RuntimeDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.Callable;

@Command(name = "call-history", description = "Show a call record and the audit trail of its corrections.")
public final class CallHistoryCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Parameters(index = "0", paramLabel = "ID")
    long id;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        PrintWriter out = spec.commandLine().getOut();
        DateTimeFormatter fmt = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(c.hotelZone());
        try (Database db = RuntimeDatabase.connect(ConfigOptions.home(), c)) {
            CallArchive repo = new CallArchive(db);
            StoredCall k = repo.find(id).orElseThrow(() -> new IllegalArgumentException("no call #" + id));
            out.printf("call #%d: %s %s → %s, %s – %s, talk %d s, %s, %s%s%n", k.id(), k.direction(), k.callerNumber(),
                    k.calleeNumber(), fmt.format(k.startedAt()), fmt.format(k.endedAt()), k.talk().toSeconds(),
                    k.disposition().cdrName(), k.chargeTotal() == null ? "no charge" : k.chargeTotal(),
                    "MANUAL".equals(k.source()) ? " (entered by " + k.enteredBy() + ")" : "");
            for (CallEdit e : repo.history(id)) {
                out.printf("  %s %s changed %s from %s to %s: %s%n", fmt.format(e.at()), e.by(), e.field(), e.oldValue(),
                        e.newValue(), e.reason());
            }
            out.flush();
        }
        return 0;
    }
}
