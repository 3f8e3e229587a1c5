package org.switchboard.core.cli;

import org.switchboard.core.config.ConfigException;
import org.switchboard.core.refusal.Refusal;
import picocli.CommandLine;

/**
 * The one executable: {@code scripts/switchboard <command>}. What a command refuses ({@link Refusal}, a bad
 * configuration) is said here, once, as {@code switchboard wakeup book: why} with exit code 2; anything else exit 1.
 */
public final class Main {

    /** Exit code of a refused command or an invalid configuration. */
    public static final int REFUSED = 2;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SwitchboardCommand());
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println(cmd.getCommandSpec().qualifiedName(" ") + ": " + oneLine(ex));
            return ex instanceof ConfigException || ex instanceof Refusal ? REFUSED : 1;
        });
        return cl;
    }

    private static String oneLine(Exception ex) {
        if (ex instanceof ConfigException ce) {
            return "invalid configuration\n" + ce.getMessage();
        }
        if (ex instanceof Refusal r && r.field() != null && !r.getMessage().startsWith(r.field())) {
            return r.field() + ": " + r.getMessage();
        }
        return ex.getMessage() == null ? ex.toString() : ex.getMessage();
    }
}
