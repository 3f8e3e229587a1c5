package org.switchboard.demo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.storage.RuntimeDatabase;
import org.switchboard.launcher.Main;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code scripts/switchboard demo} as a newcomer runs it, through the launcher's own command line. */
@Tag("clock") // runs on the wall clock: rerun with the date moved (the date-proof profile)
class DemoCommandTest {

    record Result(int exit, String out, String err) {
    }

    static final Path SHIPPED_CONFIG = Path.of("..", "config").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("switchboard.home");
    }

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void demoStartsItsOwnDatabaseAndPbxAndStoresCalls() {
        System.setProperty("switchboard.home", home.toString());
        Result r = run("demo", "--fresh", "--duration", "35", "--call-every", "250", "--http-port", "0",
                "--link-outage-every", "15", "--link-outage-for", "5", "--config-dir", SHIPPED_CONFIG.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("data: " + home.resolve("var/demo")), r.out());
        assertTrue(r.out().contains("HTTP API (curl -b /tmp/sb.jar …): http://127.0.0.1:"), r.out());
        assertTrue(r.out().matches("(?s).*log in \\(API\\): user demo, password [a-z2-9]{14} .*"), r.out());
        Matcher m = Pattern.compile("Demo stopped: (\\d+) calls stored").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(1)) > 0, r.out());
        assertTrue(r.out().contains("simulated PBX: AMI link cut for 5 s") && r.out().contains("simulated PBX: AMI link back"),
                r.out());
        assertTrue(Files.exists(home.resolve("var/demo-pbx/cdr-csv/Master.csv")), "the simulated PBX kept its CDRs");
        assertFalse(Files.exists(RuntimeDatabase.file(home)), "the runtime file is withdrawn on exit");
    }
}
