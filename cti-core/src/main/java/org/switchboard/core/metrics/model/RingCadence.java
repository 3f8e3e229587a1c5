package org.switchboard.core.metrics.model;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The country's ringing pattern, so a ring time can also be told in rings: one ring is one whole
 * cycle of the pattern (China 1 s on, 4 s off; the UK's double ring 0.4/0.2/0.4/2.0; the US 2 s on,
 * 4 s off). A call answered {@code t} after ringing began heard {@code ceil(t / cycle)} rings.
 */
public record RingCadence(String name, List<Duration> pattern) {

    public static final Map<String, List<Double>> PRESETS = Map.of(
            "cn", List.of(1.0, 4.0),
            "uk", List.of(0.4, 0.2, 0.4, 2.0),
            "us", List.of(2.0, 4.0));

    public RingCadence {
        pattern = List.copyOf(pattern);
        if (pattern.isEmpty() || pattern.size() % 2 != 0) {
            throw new IllegalArgumentException("a ring cadence is pairs of on/off times, got " + pattern.size());
        }
        if (pattern.stream().anyMatch(d -> d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException("ring cadence times must be positive: " + pattern);
        }
    }

    public static RingCadence china() {
        return of("cn", PRESETS.get("cn"));
    }

    public static RingCadence of(String name, List<Double> seconds) {
        return new RingCadence(name, seconds.stream().map(s -> Duration.ofMillis(Math.round(s * 1000))).toList());
    }

    public Duration cycle() {
        return pattern.stream().reduce(Duration.ZERO, Duration::plus);
    }

    /** Rings heard in {@code ringMs} milliseconds of ringing: 0 for none, 1 for anything up to a cycle … */
    public int rings(long ringMs) {
        long cycle = cycle().toMillis();
        return ringMs <= 0 ? 0 : (int) ((ringMs + cycle - 1) / cycle);
    }

    /** E.g. {@code cn (1.0 s on, 4.0 s off)}. */
    public String describe() {
        StringBuilder sb = new StringBuilder(name).append(" (");
        for (int i = 0; i < pattern.size(); i++) {
            sb.append(i > 0 ? ", " : "").append(String.format(java.util.Locale.ROOT, "%.1f s %s",
                    pattern.get(i).toMillis() / 1000.0, i % 2 == 0 ? "on" : "off"));
        }
        return sb.append(')').toString();
    }
}
