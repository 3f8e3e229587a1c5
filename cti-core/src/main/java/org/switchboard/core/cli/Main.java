package org.switchboard.core.cli;

import picocli.CommandLine;

/** The one executable: {@code scripts/switchboard <command>}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SwitchboardCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("switchboard " + cmd.getCommandName() + ": " + oneLine(ex));
            return ex instanceof org.switchboard.core.config.ConfigException ? 2 : 1;
        });
        return cl;
    }

    private static String oneLine(Exception ex) {
        if (ex instanceof org.switchboard.core.config.ConfigException ce) {
            return "invalid configuration\n" + ce.getMessage();
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
