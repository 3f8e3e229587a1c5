package org.switchboard.core.cli;

import org.switchboard.core.calls.config.CdrStoreSettings;
import org.switchboard.core.calls.infrastructure.CdrTable;
import org.switchboard.core.config.ConfigException;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.directory.Extension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.util.concurrent.Callable;

@Command(name = "check-config", description = "Validate the configuration without starting anything.")
final class CheckConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        try {
            SwitchboardConfig c = options.load();
            if (c.cdrStore() instanceof CdrStoreSettings.Table table) {
                try {
                    new CdrTable(table, c.ami().pbxZone()).check(); // the store must be readable, not only named
                } catch (IllegalStateException e) {
                    spec.commandLine().getErr().println(table.where() + ": cdr-store.url: " + e.getMessage());
                    return 2;
                }
            }
            long rooms = c.directory().extensions().values().stream().filter(Extension::isRoom).count();
            spec.commandLine().getOut().printf("%s: OK — %s (%s), %d room extension(s), %d staff extension(s), "
                            + "%d department(s), %d trunk(s), %d tariff version(s)%s, PBX %s:%d, database %s%n", options.configDir,
                    c.hotelName(), c.hotelZone(), rooms, c.directory().extensions().size() - rooms,
                    c.directory().departments().size(), c.directory().trunks().size(), c.tariffs().versions().size(),
                    c.tariffs().versions().isEmpty() ? "" : " (" + String.join(", ", c.tariffs().versions().stream()
                            .map(t -> t.version() + " from " + t.effectiveFrom()).toList()) + ")",
                    c.ami().host(), c.ami().port(),
                    c.database() + (c.cdrStore() == null ? "" : ", CDR store " + describe(c.cdrStore())));
            return 0;
        } catch (ConfigException e) {
            e.errors().forEach(err -> spec.commandLine().getErr().println(err));
            spec.commandLine().getErr().println(e.errors().size() + " error(s) in " + options.configDir);
            return 2;
        }
    }

    private static String describe(CdrStoreSettings store) {
        return store instanceof CdrStoreSettings.CsvFile csv ? csv.file().toString() : store.toString();
    }
}
