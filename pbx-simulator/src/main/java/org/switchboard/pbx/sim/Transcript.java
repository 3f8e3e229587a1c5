package org.switchboard.pbx.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The events of one recorded AMI session, each with its arrival offset from the first event.
 * Loaded from a {@code .ami} file and its {@code .ami.timing.tsv} (byte offset → arrival time).
 * The banner, responses to the recording client's own actions, and the events of that client's
 * login ({@code FullyBooted}, {@code SuccessfulAuth} for service AMI) are left out: a peer that
 * replays the transcript answers its own client's actions itself.
 */
public record Transcript(String name, java.time.Instant recordedStart, List<TimedMessage> events) {

    /** One event; {@code offsetMicros} counts from the transcript's first event. */
    public record TimedMessage(long offsetMicros, AmiMessage message) {
    }

    public Transcript {
        events = List.copyOf(events);
    }

    /** Loads {@code /transcripts/<scenario>.ami} and its timing from the classpath. */
    public static Transcript fromResource(String scenario) {
        try (InputStream ami = resource("/transcripts/" + scenario + ".ami");
             InputStream timing = resource("/transcripts/" + scenario + ".ami.timing.tsv")) {
            return parse(scenario, ami.readAllBytes(), new String(timing.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read transcript " + scenario, e);
        }
    }

    private static InputStream resource(String path) {
        InputStream in = Transcript.class.getResourceAsStream(path);
        if (in == null) {
            throw new IllegalArgumentException("no transcript resource " + path);
        }
        return in;
    }

    static Transcript parse(String name, byte[] ami, String timingTsv) {
        List<long[]> rows = new ArrayList<>(); // {byteOffset, epochMicros}
        String[] lines = timingTsv.split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cols = lines[i].split("\t");
            rows.add(new long[]{Long.parseLong(cols[1]), Math.round(Double.parseDouble(cols[0]) * 1_000_000d)});
        }
        List<TimedMessage> out = new ArrayList<>();
        long first = -1;
        for (int i = 0; i < rows.size(); i++) {
            int from = (int) rows.get(i)[0];
            int to = i + 1 < rows.size() ? (int) rows.get(i + 1)[0] : ami.length;
            String text = new String(ami, from, to - from, StandardCharsets.UTF_8);
            AmiMessage msg = AmiMessage.parse(text);
            if (!isScenarioEvent(msg)) {
                continue;
            }
            long at = rows.get(i)[1];
            if (first < 0) {
                first = at;
            }
            out.add(new TimedMessage(at - first, msg));
        }
        return new Transcript(name, java.time.Instant.EPOCH.plusNanos(Math.max(first, 0) * 1000), out);
    }

    private static boolean isScenarioEvent(AmiMessage msg) {
        String event = msg.eventName();
        if (event == null) {
            return false; // banner or a response to the recording client's action
        }
        if (event.equals("FullyBooted")) {
            return false;
        }
        return !(event.equals("SuccessfulAuth") && "AMI".equals(msg.get("Service")));
    }

    /** Several transcripts on one timeline, part i starting at i × {@code stagger}; order kept on ties. */
    public static Transcript merge(String name, List<Transcript> parts, java.time.Duration stagger) {
        List<TimedMessage> all = new ArrayList<>();
        long shift = stagger.toNanos() / 1000;
        for (int i = 0; i < parts.size(); i++) {
            long offset = i * shift;
            parts.get(i).events().forEach(e -> all.add(new TimedMessage(e.offsetMicros() + offset, e.message())));
        }
        all.sort(Comparator.comparingLong(TimedMessage::offsetMicros)); // stable: per-part order kept
        return new Transcript(name, parts.isEmpty() ? java.time.Instant.EPOCH : parts.get(0).recordedStart(), all);
    }

    public int size() {
        return events.size();
    }
}
