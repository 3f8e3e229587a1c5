package org.switchboard.core.cli;

import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.daemon.Daemon;
import org.switchboard.core.storage.Database;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

@Command(name = "run", description = "Run the daemon against the configured Asterisk (never the simulator).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    ConfigOptions options;
    @picocli.CommandLine.Option(names = "--duration", paramLabel = "SECONDS",
            description = "stop after this long (default: until stopped by a signal)")
    long durationSeconds;
    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SwitchboardConfig config = options.load();
        RunningServices services = new RunningServices();
        services.closeOnShutdown();
        Database db = services.database(config.database(), config.database().dataDir(), ConfigOptions.home(), "run",
                RunningServices.printing(spec.commandLine().getOut()));
        Daemon daemon = services.add(Daemon.assemble(config, config.ami(), db, Clock.systemUTC()));
        daemon.start();
        int httpPort = daemon.serveApi(config.http().port());
        spec.commandLine().getOut().printf("Switchboard running for %s: PBX %s:%d, database %s, API http://%s:%d/api/calls."
                        + " Ctrl-C to stop.%n", config.hotelName(), config.ami().host(), config.ami().port(),
                config.database(), config.http().host(), httpPort);
        spec.commandLine().getOut().flush();
        if (durationSeconds > 0) {
            Thread.sleep(durationSeconds * 1000);
            services.close();
        } else {
            new CountDownLatch(1).await(); // until the shutdown hook runs
        }
        return 0;
    }
}
