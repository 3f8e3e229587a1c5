package org.switchboard.launcher;

import org.switchboard.demo.DemoCommand;
import picocli.CommandLine;

/**
 * The one executable, {@code scripts/switchboard <command>}: the daemon's commands from cti-core, and {@code demo},
 * which lives in this module because it brings the PBX simulator; {@code run} never loads it.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return org.switchboard.core.cli.Main.commandLine().addSubcommand("demo", new DemoCommand());
    }
}
