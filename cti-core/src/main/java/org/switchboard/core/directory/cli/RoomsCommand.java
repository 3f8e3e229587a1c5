package org.switchboard.core.directory.cli;

import org.switchboard.core.api.*;
import org.switchboard.core.cli.*;
import org.switchboard.core.config.*;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.concurrent.Callable;

@Command(name = "rooms", description = "List configured rooms, staff extensions, departments and trunks.")
public final class RoomsCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        SwitchboardConfig c = options.load();
        PrintWriter out = spec.commandLine().getOut();
        out.println("DEPARTMENTS");
        c.directory().departments().values().stream().sorted(Comparator.comparing(Department::id)).forEach(d ->
                out.printf("  %-16s %-24s answer within %d s%n", d.id(), d.name(), d.answerThresholdSeconds()));
        out.println("STAFF EXTENSIONS");
        c.directory().extensions().values().stream().filter(e -> !e.isRoom())
                .sorted(Comparator.comparing(Extension::number)).forEach(e ->
                        out.printf("  %-8s %-16s %s%n", e.number(), e.department(), e.name()));
        out.println("ROOMS");
        c.directory().extensions().values().stream().filter(Extension::isRoom)
                .sorted(Comparator.comparing(Extension::room)).forEach(e ->
                        out.printf("  room %-8s extension %s%n", e.room(), e.number()));
        out.println("TRUNKS");
        c.directory().trunks().forEach(t -> out.printf("  %-12s %s%n", t.name(), t.device()));
        out.flush();
        return 0;
    }
}
