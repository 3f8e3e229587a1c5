package org.switchboard.core.cli;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.switchboard.core.storage.RuntimeDatabase;
import org.switchboard.core.support.TestDatabase;
import org.switchboard.pbx.sim.AmiServer;
import org.switchboard.pbx.sim.Transcript;
import org.switchboard.pbx.sim.TranscriptPlayer;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every subcommand, run as a user runs it (same parser, same exit codes, same output). */
@ClockSensitive
public class CliTest {

    public record Result(int exit, String out, String err) {
    }

    static final Path SHIPPED_CONFIG = Path.of("..", "config").toAbsolutePath().normalize();

    @TempDir
    Path home;

    @AfterEach
    void clearHome() {
        System.clearProperty("switchboard.home");
    }

    public static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    /** Runs a command with {@code --config-dir config} appended. */
    public static Result runWith(java.nio.file.Path config, String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--config-dir";
        all[args.length + 1] = config.toString();
        return run(all);
    }

    @Test
    void checkConfigAcceptsTheShippedExample() {
        Result r = run("check-config", "--config-dir", SHIPPED_CONFIG.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("OK") && r.out().contains("60 room extension(s)"), r.out());
    }

    @Test
    void checkConfigNamesFileLineAndKeyOfEachError() throws Exception {
        Path dir = Files.createDirectories(home.resolve("config"));
        Files.writeString(dir.resolve("switchboard.yaml"),
                Files.readString(SHIPPED_CONFIG.resolve("switchboard.yaml")).replace("port: 5038", "port: fifty"));
        Files.writeString(dir.resolve("extensions.yaml"),
                Files.readString(SHIPPED_CONFIG.resolve("extensions.yaml")).replace("range: 201-220", "range: 2O1-220"));
        Result r = run("check-config", "--config-dir", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains(dir.resolve("switchboard.yaml") + ":11: pbx.port: 'fifty' is not a whole number"), r.err());
        assertTrue(r.err().contains(dir.resolve("extensions.yaml") + ":37: rooms[1].range: '2O1-220'"), r.err());
        assertTrue(r.err().contains("2 error(s)"), r.err());
    }

    @Test
    void roomsListsRoomsStaffDepartmentsAndTrunks() {
        Result r = run("rooms", "--config-dir", SHIPPED_CONFIG.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("room 101      extension 101"), r.out());
        assertTrue(r.out().contains("9000     operator"), r.out());
        assertTrue(r.out().contains("pstn         SIP/trunk"), r.out());
    }

    @Test
    void callsWithoutARunningDaemonSaysWhatToStart() {
        System.setProperty("switchboard.home", home.toString());
        Result r = run("calls", "--today", "--config-dir", SHIPPED_CONFIG.toString());
        assertEquals(1, r.exit());
        assertTrue(r.err().contains("no running Switchboard database: start 'scripts/switchboard demo'"), r.err());
    }

    @Test
    void runCapturesFromTheConfiguredPbxAndCallsListsIt() throws Exception {
        String url = TestDatabase.freshDatabaseUrl();
        try (AmiServer pbx = new AmiServer("cti", "cti-secret", Clock.systemUTC())) {
            int port = pbx.start(0);
            Path dir = Files.createDirectories(home.resolve("config"));
            Files.writeString(dir.resolve("switchboard.yaml"), """
                    hotel: { name: Recording Hotel, timezone: UTC }
                    pbx: { host: 127.0.0.1, port: %d, username: cti, secret: cti-secret }
                    trunks: [ { name: pstn, device: SIP/trunk } ]
                    database: { mode: external, url: "%s", user: %s, password: "%s" }
                    capture: { cdr-grace-seconds: 0 }
                    http: { port: 0 }
                    """.formatted(port, url, TestDatabase.user(), TestDatabase.password()));
            Files.writeString(dir.resolve("extensions.yaml"), """
                    rooms: [ { range: 101-102 }, { range: 201-201 } ]
                    """);
            CompletableFuture<Result> daemon = CompletableFuture.supplyAsync(
                    () -> run("run", "--config-dir", dir.toString(), "--duration", "6"));
            assertTrue(pbx.awaitLogins(1, Duration.ofSeconds(15)), "run logged in to the configured PBX");
            Thread.sleep(300);
            new TranscriptPlayer(pbx, 1, false, Clock.systemUTC()).play(Transcript.fromResource("internal_busy"));
            Result ran = daemon.get();
            assertEquals(0, ran.exit(), ran.err());
            assertTrue(ran.out().contains("Switchboard running for Recording Hotel"), ran.out());

            Result calls = run("calls", "--today", "--room", "102", "--config-dir", dir.toString());
            assertEquals(0, calls.exit(), calls.err());
            assertTrue(calls.out().matches("(?s).*\\d\\d:\\d\\d:\\d\\d INTERNAL +102 +101 +102 +- +1\\.0s +0\\.0s  BUSY.*"),
                    calls.out());
            assertTrue(calls.out().contains("1 call(s) on " + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + " (UTC)"),
                    calls.out());
            Result byExtension = run("calls", "--date", java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString(), "--extension", "101", "--config-dir", dir.toString());
            assertTrue(byExtension.out().contains("1 call(s)"), byExtension.out());
        }
    }

}
