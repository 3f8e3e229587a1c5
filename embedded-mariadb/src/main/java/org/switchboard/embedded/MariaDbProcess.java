package org.switchboard.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One running {@code mariadbd}, listening on 127.0.0.1 only, without TLS (loopback; generating a certificate at
 * every start cost up to 30 s on a busy machine) and with its grant tables on. It runs in a session of its own
 * ({@code setsid}), so a signal to the daemon's process group (Ctrl-C, {@code systemctl stop}) does not stop the
 * database before the daemon's own shutdown has finished with it: the owner stops it last.
 */
final class MariaDbProcess {

    private static final Path SETSID = Path.of("/usr/bin/setsid");

    private final Process process;

    private MariaDbProcess(Process process) {
        this.process = process;
    }

    static MariaDbProcess launch(MariaDbBinaries binaries, ServerLayout layout, int port) throws IOException {
        List<String> cmd = new ArrayList<>();
        if (Files.isExecutable(SETSID)) {
            cmd.add(SETSID.toString());
        }
        cmd.addAll(List.of(binaries.server().toString(), "--no-defaults",
                "--basedir=" + binaries.baseDir(), "--datadir=" + layout.data(), "--tmpdir=" + layout.tmp(),
                "--port=" + port, "--socket=" + layout.socket(), "--bind-address=127.0.0.1", "--skip-name-resolve",
                "--skip-ssl", "--pid-file=" + layout.data().resolve("mariadbd.pid"), "--init-file=" + layout.initFile(),
                "--character-set-server=utf8mb4", "--collation-server=utf8mb4_unicode_ci", "--max_allowed_packet=64M"));
        runAsRootIfRoot(cmd);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(OwnerOnlyFiles.create(layout.log(), OwnerOnlyFiles.LOG).toFile()));
        return new MariaDbProcess(pb.start());
    }

    /** Creates the system tables of a new data folder: root only through the local socket as the OS user root. */
    static void install(MariaDbBinaries binaries, ServerLayout layout, Duration limit) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(binaries.installer().toString(), "--no-defaults",
                "--basedir=" + binaries.baseDir(), "--datadir=" + layout.data(), "--auth-root-authentication-method=socket",
                "--skip-test-db", "--skip-name-resolve"));
        runAsRootIfRoot(cmd);
        Process p = new ProcessBuilder(cmd).directory(binaries.baseDir().toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(OwnerOnlyFiles.create(layout.log(), OwnerOnlyFiles.LOG).toFile()))
                .start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new IOException("installing the database in " + layout.data() + " took over " + limit.toSeconds() + " s");
        }
        if (p.exitValue() != 0) {
            throw new IOException("installing the database in " + layout.data() + " failed (exit " + p.exitValue()
                    + "); see " + layout.log());
        }
    }

    private static void runAsRootIfRoot(List<String> cmd) {
        if ("root".equals(System.getProperty("user.name"))) {
            cmd.add("--user=root"); // mariadbd refuses to run as root otherwise
        }
    }

    /** A mariadbd still running on {@code dataDir}: left behind by an owner that was killed. */
    static Optional<ProcessHandle> runningOn(Path dataDir) {
        String arg = "--datadir=" + dataDir;
        return ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("mariadbd"))
                .filter(p -> List.of(p.info().arguments().orElse(new String[0])).contains(arg)).findFirst();
    }

    /** Asks a mariadbd to shut down (SIGTERM), then kills it if it has not within {@code patience}. */
    static void stop(ProcessHandle p, Duration patience) {
        p.destroy();
        try {
            p.onExit().get(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    int exitCode() {
        return process.exitValue();
    }

    java.util.concurrent.CompletableFuture<Process> onExit() {
        return process.onExit();
    }

    void stop(Duration patience) {
        stop(process.toHandle(), patience);
    }
}
