package org.switchboard.core.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a real Asterisk's AMI stream as the transcripts in {@code pbx-simulator/src/main/resources/transcripts}
 * are kept: its own session (logged in with events, never cut), every message's bytes in {@code NAME.ami} and its
 * arrival in {@code NAME.ami.timing.tsv} (epoch seconds, byte offset, first line); {@code NAME.cdr.csv} is the
 * PBX's Master.csv beside it.
 */
public final class AmiRecorder implements AutoCloseable {

    private record Message(long epochMicros, byte[] bytes) {
    }

    private final Socket socket;
    private final List<Message> messages = new ArrayList<>();
    private final Thread reader;

    public AmiRecorder(int amiPort, String user, String secret) throws IOException {
        socket = new Socket("127.0.0.1", amiPort);
        OutputStream out = socket.getOutputStream();
        out.write(("Action: Login\r\nActionID: login-1\r\nUsername: " + user + "\r\nSecret: " + secret
                + "\r\nEvents: on\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        reader = new Thread(this::read, "ami-recorder");
        reader.setDaemon(true);
        reader.start();
    }

    private void read() {
        try (InputStream in = socket.getInputStream()) {
            ByteArrayOutputStream current = new ByteArrayOutputStream();
            int previous = -1;
            boolean banner = true;
            long startedAt = 0;
            for (int b; (b = in.read()) >= 0; ) {
                if (current.size() == 0) {
                    startedAt = epochMicros();
                }
                current.write(b);
                boolean lineEnd = b == '\n';
                boolean messageEnd = lineEnd && (banner || previous == '\n'); // the banner, or a blank line
                if (messageEnd) {
                    synchronized (messages) {
                        messages.add(new Message(startedAt, current.toByteArray()));
                    }
                    current.reset();
                    banner = false;
                }
                if (b != '\r') {
                    previous = b;
                }
            }
        } catch (IOException closed) {
            // the recording ended
        }
    }

    private static long epochMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000L + now.getNano() / 1000;
    }

    /** Writes {@code NAME.ami}, {@code NAME.ami.timing.tsv} and {@code NAME.cdr.csv} (a copy of {@code masterCsv}) into {@code dir}. */
    public void save(Path dir, String name, Path masterCsv) throws IOException {
        Files.createDirectories(dir);
        ByteArrayOutputStream ami = new ByteArrayOutputStream();
        StringBuilder timing = new StringBuilder("epoch\tbyte_offset\tfirst_line\n");
        synchronized (messages) {
            for (Message m : messages) {
                String first = new String(m.bytes(), StandardCharsets.UTF_8).split("\r?\n", 2)[0];
                timing.append(String.format("%d.%06d", m.epochMicros() / 1_000_000, m.epochMicros() % 1_000_000))
                        .append('\t').append(ami.size()).append('\t').append(first).append('\n');
                ami.writeBytes(m.bytes());
            }
        }
        Files.write(dir.resolve(name + ".ami"), ami.toByteArray());
        Files.writeString(dir.resolve(name + ".ami.timing.tsv"), timing);
        Files.copy(masterCsv, dir.resolve(name + ".cdr.csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
