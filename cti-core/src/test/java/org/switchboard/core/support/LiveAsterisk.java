package org.switchboard.core.support;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Asterisk 20 for the live tests: the relocatable tree of {@code ../shared/asterisk} (or
 * {@code SWITCHBOARD_ASTERISK_DIR}) copied into a scratch folder (the shared tree may be read-only), configured
 * loopback-only on free ports — AMI with {@code timestampevents}, PJSIP rooms 101 and 102 and a trunk, cdr_csv
 * (Master.csv, in UTC) and cdr_manager — and run in the foreground as a child process. Calls are made with sipp
 * (Debian's {@code sip-tester}): the trunk is a sipp UAS that answers, room 101 a sipp UAC. Where there is no
 * such tree or no sipp the test is skipped, unless {@code SWITCHBOARD_REQUIRE_PBX=1} (CI) makes it fail.
 */
public final class LiveAsterisk implements AutoCloseable {

    public static final String USER = "cti";
    public static final String SECRET = "cti-secret";
    /** Where each room's phone (a sipp UAS, {@link #answering}) listens; room 101's calls come from a sipp UAC. */
    static final Map<String, Integer> ROOM_PORTS = Map.of("101", 15101, "102", 15102, "201", 15201);

    private final Path dir;
    private final int amiPort;
    private final int sipPort;
    private final int trunkPort;
    private final Process asterisk;
    private Process trunk;

    private LiveAsterisk(Path dir, int amiPort, int sipPort, int trunkPort, Process asterisk) {
        this.dir = dir;
        this.amiPort = amiPort;
        this.sipPort = sipPort;
        this.trunkPort = trunkPort;
        this.asterisk = asterisk;
    }

    /** The Asterisk tree to use, or a skipped test (a failed one where CI requires the PBX). */
    public static Path requireTree() {
        String configured = System.getenv("SWITCHBOARD_ASTERISK_DIR");
        // Beside the project (the module runs in cti-core/): ../shared/asterisk of the checkout.
        Path tree = configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of("..", "..", "shared", "asterisk").toAbsolutePath().normalize();
        boolean present = Files.isExecutable(tree.resolve("sbin/asterisk")) && Files.isExecutable(Path.of("/usr/bin/sipp"));
        String why = "no Asterisk tree at " + tree + " (SWITCHBOARD_ASTERISK_DIR) or no /usr/bin/sipp (sip-tester)";
        if (!present && "1".equals(System.getenv("SWITCHBOARD_REQUIRE_PBX"))) {
            throw new AssertionError("SWITCHBOARD_REQUIRE_PBX=1 but " + why);
        }
        Assumptions.assumeTrue(present, why);
        return tree;
    }

    /** Copies {@code tree} into {@code scratch}, configures it and starts it; returns once AMI answers. */
    public static LiveAsterisk start(Path tree, Path scratch) throws Exception {
        Path dir = scratch.resolve("asterisk");
        run(List.of("cp", "-a", tree.toString(), dir.toString()), Duration.ofSeconds(60));
        int ami = freeTcpPort();
        int sip = freeUdpPort();
        int trunk = freeUdpPort();
        configure(dir, ami, sip, trunk);
        for (String d : List.of("var/cache/asterisk", "var/run/asterisk", "var/log/asterisk/cdr-csv",
                "var/spool/asterisk", "var/lib/asterisk")) {
            Files.createDirectories(dir.resolve(d));
        }
        ProcessBuilder pb = new ProcessBuilder(dir.resolve("sbin/asterisk").toString(), "-C",
                dir.resolve("etc/asterisk.conf").toString(), "-f", "-n")
                .redirectErrorStream(true).redirectOutput(dir.resolve("console.log").toFile());
        pb.environment().putAll(Map.of("TZ", "UTC", "LD_LIBRARY_PATH", dir.resolve("lib").toString()));
        LiveAsterisk live = new LiveAsterisk(dir, ami, sip, trunk, pb.start());
        live.awaitAmi(Duration.ofSeconds(60));
        live.trunk = live.sipp(List.of("-sn", "uas", "-i", "127.0.0.1", "-p", String.valueOf(trunk)));
        return live;
    }

    public int amiPort() {
        return amiPort;
    }

    /** Asterisk's Master.csv (cdr_csv): written as each call ends, times in UTC. */
    public Path masterCsv() {
        return dir.resolve("var/log/asterisk/cdr-csv/Master.csv");
    }

    /** Room 101 dials {@code number} (0 + national number goes out on the trunk); the call lasts {@code talk}. */
    public Process call(String number, Duration talk) throws IOException {
        return sipp(List.of("127.0.0.1:" + sipPort, "-sn", "uac", "-s", number, "-i", "127.0.0.1", "-p",
                String.valueOf(freeUdpPort()), "-m", "1", "-d", String.valueOf(talk.toMillis()), "-timeout", "60s",
                "-timeout_error"));
    }

    /**
     * Sends one AMI action on a session of its own (user {@link #USER}) and returns what came back within a second;
     * {@code keyValues} alternate, {@code Action} first.
     */
    public String action(String... keyValues) throws IOException, InterruptedException {
        try (Socket s = new Socket("127.0.0.1", amiPort)) {
            StringBuilder b = new StringBuilder("Action: Login\r\nUsername: " + USER + "\r\nSecret: " + SECRET
                    + "\r\nEvents: off\r\n\r\n");
            for (int i = 0; i + 1 < keyValues.length; i += 2) {
                b.append(keyValues[i]).append(": ").append(keyValues[i + 1]).append("\r\n");
            }
            s.getOutputStream().write(b.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            s.setSoTimeout(1000);
            java.io.ByteArrayOutputStream got = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = s.getInputStream().read(buffer)) >= 0; ) {
                    got.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException enough) {
                // a second of answers is all an action gives here
            }
            return got.toString(StandardCharsets.UTF_8);
        }
    }

    /** The name of the live channel on {@code device} ({@code PJSIP/102} → {@code PJSIP/102-00000001}). */
    public String channelOf(String device) throws IOException, InterruptedException {
        return action("Action", "Command", "Command", "core show channels concise").lines()
                .filter(l -> l.contains(device + "-")).findFirst()
                .map(l -> l.replaceAll(".*?(" + java.util.regex.Pattern.quote(device) + "-[0-9a-f]+).*", "$1"))
                .orElseThrow(() -> new AssertionError("no live channel on " + device));
    }

    /** The hotel as this PBX is configured: rooms 101, 102, 201 on PJSIP, the trunk PJSIP/trunk. */
    public static org.switchboard.core.directory.Directory hotel() {
        return new org.switchboard.core.directory.Directory(Map.of(
                "101", new org.switchboard.core.directory.Extension("101", "101", null, "Room 101"),
                "102", new org.switchboard.core.directory.Extension("102", "102", null, "Room 102"),
                "201", new org.switchboard.core.directory.Extension("201", "201", null, "Room 201")),
                Map.of("operator", new org.switchboard.core.directory.Department("operator", "Operator", 3)),
                List.of(new org.switchboard.core.directory.Trunk("pstn", "PJSIP/trunk")));
    }

    /** Room {@code room}'s phone, answering every call at once and hanging up when the other side does. */
    public Process answering(String room) throws IOException {
        return sipp(List.of("-sn", "uas", "-i", "127.0.0.1", "-p", String.valueOf(ROOM_PORTS.get(room))));
    }

    /** Waits for a sipp call to end; fails if it did not end well. */
    public static void finished(Process sippCall, Duration timeout) throws InterruptedException {
        if (!sippCall.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            sippCall.destroyForcibly();
            throw new AssertionError("sipp call still running after " + timeout);
        }
        if (sippCall.exitValue() != 0) {
            throw new AssertionError("sipp call failed, exit " + sippCall.exitValue());
        }
    }

    private Process sipp(List<String> args) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of("/usr/bin/sipp", "-nostdin", "-trace_err",
                "-error_file", dir.resolve("sipp-errors-" + System.nanoTime() + ".log").toString()));
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("sipp.log").toFile())).start();
    }

    private void awaitAmi(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!asterisk.isAlive()) {
                throw new AssertionError("Asterisk exited: " + Files.readString(dir.resolve("console.log")));
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", amiPort), 500);
                s.setSoTimeout(2000);
                InputStream in = s.getInputStream();
                byte[] banner = new byte[27];
                if (in.readNBytes(banner, 0, banner.length) == banner.length
                        && new String(banner, StandardCharsets.US_ASCII).startsWith("Asterisk Call Manager")) {
                    Thread.sleep(1000); // PJSIP and the CDR backends finish loading just after AMI listens
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("Asterisk's AMI did not answer on " + amiPort + " within " + timeout);
    }

    private static void configure(Path dir, int ami, int sip, int trunk) throws IOException {
        Path etc = dir.resolve("etc/asterisk");
        Files.createDirectories(etc);
        StringBuilder dirs = new StringBuilder("[directories]\n");
        Map.ofEntries(Map.entry("astcachedir", "var/cache/asterisk"), Map.entry("astetcdir", "etc/asterisk"),
                Map.entry("astmoddir", "lib/asterisk/modules"), Map.entry("astvarlibdir", "var/lib/asterisk"),
                Map.entry("astdbdir", "var/lib/asterisk"), Map.entry("astkeydir", "var/lib/asterisk"),
                Map.entry("astdatadir", "var/lib/asterisk"), Map.entry("astagidir", "var/lib/asterisk/agi-bin"),
                Map.entry("astspooldir", "var/spool/asterisk"), Map.entry("astrundir", "var/run/asterisk"),
                Map.entry("astlogdir", "var/log/asterisk"), Map.entry("astsbindir", "sbin"))
                .forEach((k, v) -> dirs.append(k).append(" => ").append(dir.resolve(v)).append('\n'));
        Files.writeString(dir.resolve("etc/asterisk.conf"), dirs + "[options]\nverbose = 0\n");
        write(etc, "modules.conf", "[modules]\nautoload = yes\nnoload => chan_sip.so\nnoload => cdr_sqlite3_custom.so\n");
        write(etc, "logger.conf", "[general]\n[logfiles]\nmessages.log => notice,warning,error\n");
        write(etc, "rtp.conf", "[general]\nrtpstart = 31000\nrtpend = 31999\n");
        write(etc, "manager.conf", "[general]\nenabled = yes\nport = " + ami + "\nbindaddr = 127.0.0.1\n"
                + "timestampevents = yes\n\n[" + USER + "]\nsecret = " + SECRET + "\ndeny = 0.0.0.0/0.0.0.0\n"
                + "permit = 127.0.0.1/255.255.255.255\nread = all\nwrite = all\n");
        write(etc, "cdr.conf", "[general]\nenable = yes\nunanswered = yes\n\n[csv]\nusegmtime = no\n"
                + "loguniqueid = yes\nloguserfield = yes\naccountlogs = no\n");
        write(etc, "cdr_manager.conf", "[general]\nenabled = yes\n");
        write(etc, "extensions.conf", "[general]\nstatic = yes\nwriteprotect = no\n\n[hotel-internal]\n"
                + "exten => _[12]XX,1,Dial(PJSIP/${EXTEN},20)\n same => n,Hangup()\n"
                + "exten => _0X.,1,Dial(PJSIP/${EXTEN:1}@trunk,60)\n same => n,Hangup()\n\n"
                + "[from-trunk]\nexten => _X.,1,Hangup()\n");
        write(etc, "pjsip.conf", "[transport-udp]\ntype = transport\nprotocol = udp\nbind = 127.0.0.1:" + sip + "\n\n"
                + endpoint("101", "hotel-internal", "\"Room 101\" <101>", ROOM_PORTS.get("101"))
                + endpoint("102", "hotel-internal", "\"Room 102\" <102>", ROOM_PORTS.get("102"))
                + endpoint("201", "hotel-internal", "\"Room 201\" <201>", ROOM_PORTS.get("201"))
                + endpoint("trunk", "from-trunk", null, trunk)
                + "[101]\ntype = identify\nendpoint = 101\nmatch = 127.0.0.1\n");
    }

    private static String endpoint(String name, String context, String callerId, int port) {
        return "[" + name + "]\ntype = endpoint\ntransport = transport-udp\ncontext = " + context
                + "\ndisallow = all\nallow = ulaw\naors = " + name + "\ndirect_media = no\n"
                + (callerId == null ? "" : "callerid = " + callerId + "\n")
                + "\n[" + name + "]\ntype = aor\ncontact = sip:" + name + "@127.0.0.1:" + port + "\n\n";
    }

    private static void write(Path etc, String name, String text) throws IOException {
        Files.writeString(etc.resolve(name), text);
    }

    private static void run(List<String> command, Duration timeout) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    static int freeUdpPort() {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (trunk != null) {
            trunk.destroy();
        }
        asterisk.destroy();
        if (!asterisk.waitFor(20, TimeUnit.SECONDS)) {
            asterisk.destroyForcibly();
        }
    }
}
