package org.switchboard.pbx.ami;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

/**
 * How to reach and watch the PBX. {@code pbxZone} is the zone the PBX writes CDR times in (never
 * the JVM default). The secret is never printed: {@link #toString()} masks it.
 */
public record AmiSettings(String host, int port, String username, String secret, ZoneId pbxZone,
                          Duration pingInterval, Duration readTimeout, Duration actionTimeout,
                          Duration backoffInitial, Duration backoffMax, int queueCapacity) {

    public AmiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(pbxZone, "pbxZone");
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        if (queueCapacity < 1) {
            throw new IllegalArgumentException("queueCapacity must be positive: " + queueCapacity);
        }
    }

    @Override
    public String toString() {
        return "AmiSettings[" + username + "@" + host + ":" + port + ", secret=****, zone=" + pbxZone + "]";
    }
}
