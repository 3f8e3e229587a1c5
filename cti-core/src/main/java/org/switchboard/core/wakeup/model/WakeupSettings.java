package org.switchboard.core.wakeup.model;

import java.time.Duration;
import java.util.Objects;

/**
 * How wake-up calls are placed (the {@code wakeup:} section of {@code switchboard.yaml}).
 *
 * @param channel           Asterisk dial string of a phone, {@code {extension}} replaced, e.g. {@code SIP/{extension}}
 * @param context           dialplan context (and {@code exten}) that plays the wake-up message once answered
 * @param callerId          caller id the room's phone shows
 * @param ringTimeout       how long the room's phone rings (the Originate's Timeout)
 * @param retries           further attempts after one that did not wake the guest
 * @param retryInterval     time between attempts
 * @param minimumAnswer     an answered call shorter than this (voicemail, picked up and hung up) did not wake
 *                          the guest; zero counts every answer
 * @param maxChannels       wake-up calls ringing at once at most (trunk / channel limit)
 * @param lateLimit         a call missed by an outage up to this long is still placed; older ones are escalated
 * @param operatorExtension rung when a guest could not be woken
 * @param escalationContext dialplan context the operator's phone is connected to
 */
public record WakeupSettings(String channel, String context, String exten, String callerId, Duration ringTimeout,
                             int retries, Duration retryInterval, Duration minimumAnswer, int maxChannels,
                             Duration lateLimit, String operatorExtension, String escalationContext) {

    public WakeupSettings {
        Objects.requireNonNull(channel, "channel");
        if (!channel.contains("{extension}")) {
            throw new IllegalArgumentException("channel must contain {extension}: " + channel);
        }
        if (retries < 0 || maxChannels < 1) {
            throw new IllegalArgumentException("retries >= 0 and max-channels >= 1 required");
        }
    }

    public static WakeupSettings defaults() {
        return new WakeupSettings("SIP/{extension}", "wakeup", "s", "\"Wake-up Service\" <9000>",
                Duration.ofSeconds(30), 2, Duration.ofMinutes(3), Duration.ZERO, 10, Duration.ofMinutes(10),
                "9000", "wakeup-escalation");
    }

    /** The dial string of an extension's phone. */
    public String dialString(String extension) {
        return channel.replace("{extension}", extension);
    }

    public int maxAttempts() {
        return 1 + retries;
    }

    public WakeupSettings withTiming(Duration ringTimeout, Duration retryInterval, int retries) {
        return new WakeupSettings(channel, context, exten, callerId, ringTimeout, retries, retryInterval, minimumAnswer,
                maxChannels, lateLimit, operatorExtension, escalationContext);
    }

    public WakeupSettings withMaxChannels(int n) {
        return new WakeupSettings(channel, context, exten, callerId, ringTimeout, retries, retryInterval, minimumAnswer,
                n, lateLimit, operatorExtension, escalationContext);
    }

    public WakeupSettings withMinimumAnswer(Duration d) {
        return new WakeupSettings(channel, context, exten, callerId, ringTimeout, retries, retryInterval, d,
                maxChannels, lateLimit, operatorExtension, escalationContext);
    }

    public WakeupSettings withLateLimit(Duration d) {
        return new WakeupSettings(channel, context, exten, callerId, ringTimeout, retries, retryInterval, minimumAnswer,
                maxChannels, d, operatorExtension, escalationContext);
    }
}
