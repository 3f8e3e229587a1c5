package org.switchboard.billing.rating;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * A call as the rater needs it: the digits as the guest dialled them (outside-line code included),
 * its start as a local date-time in the hotel's zone (bands and tariff versions use it), the
 * answered talk time in whole seconds (0 when unanswered), and the trunk it left by (null when
 * unknown: the tariff's general dialling rules apply).
 */
public record CallToRate(String extension, String dialled, LocalDateTime start, long talkSeconds, String trunk) {

    public CallToRate(String extension, String dialled, LocalDateTime start, long talkSeconds) {
        this(extension, dialled, start, talkSeconds, null);
    }

    public CallToRate {
        Objects.requireNonNull(dialled, "dialled");
        Objects.requireNonNull(start, "start");
        if (talkSeconds < 0) {
            throw new IllegalArgumentException("talk seconds must not be negative: " + talkSeconds);
        }
    }
}
