package org.switchboard.pbx.event;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The PBX link's own immutable view of what Asterisk reported. asterisk-java types never leave
 * the pbx-adapter module: every AMI event the capture needs is translated into one of these.
 * Identifiers keep Asterisk's names: {@code uniqueId} identifies one channel (call leg),
 * {@code linkedId} the whole call (the Uniqueid of its first channel).
 * Nullable fields are marked; all records are immutable and safe to share between threads.
 */
public sealed interface PbxEvent {

    EventTime time();

    /** A channel was created ({@code Newchannel}). {@code exten} is the extension as dialled. */
    record ChannelCreated(EventTime time, String uniqueId, String linkedId, String channel,
                          String callerNum, String callerName, String context, String exten) implements PbxEvent {
        public ChannelCreated {
            requireIds(time, uniqueId, linkedId);
            Objects.requireNonNull(channel, "channel");
        }
    }

    /** The caller id of a channel changed ({@code NewCallerid}), e.g. an Originate's caller id. */
    record CallerIdChanged(EventTime time, String uniqueId, String linkedId, String callerNum, String callerName)
            implements PbxEvent {
        public CallerIdChanged {
            requireIds(time, uniqueId, linkedId);
        }
    }

    /** A channel's state changed ({@code Newstate}), e.g. {@code Ringing} or {@code Up}. */
    record ChannelStateChanged(EventTime time, String uniqueId, String linkedId, String state) implements PbxEvent {
        public ChannelStateChanged {
            requireIds(time, uniqueId, linkedId);
        }
    }

    /**
     * {@code DialBegin}: {@code callerUniqueId} is null when the PBX itself dials (an Originate).
     * {@code dialString} is what was sent to the channel driver, e.g. {@code trunk/612345678}.
     */
    record DialStarted(EventTime time, String callerUniqueId, String destUniqueId, String destLinkedId,
                       String destChannel, String dialString) implements PbxEvent {
        public DialStarted {
            requireIds(time, destUniqueId, destLinkedId);
        }
    }

    /** {@code DialState}: progress of a dial attempt, e.g. {@code RINGING}. */
    record DialProgressed(EventTime time, String callerUniqueId, String destUniqueId, String destLinkedId,
                          String status) implements PbxEvent {
        public DialProgressed {
            requireIds(time, destUniqueId, destLinkedId);
        }
    }

    /** {@code DialEnd}: ANSWER, BUSY, NOANSWER, CANCEL, CONGESTION, CHANUNAVAIL … */
    record DialEnded(EventTime time, String callerUniqueId, String destUniqueId, String destLinkedId,
                     String status) implements PbxEvent {
        public DialEnded {
            requireIds(time, destUniqueId, destLinkedId);
        }
    }

    /** A channel joined a bridge ({@code BridgeEnter}): it is talking. */
    record BridgeJoined(EventTime time, String bridgeId, String uniqueId, String linkedId) implements PbxEvent {
        public BridgeJoined {
            requireIds(time, uniqueId, linkedId);
        }
    }

    /** A channel hung up ({@code Hangup}); {@code cause} is the Q.850 cause, null if absent. */
    record ChannelHungUp(EventTime time, String uniqueId, String linkedId, String channel,
                         Integer cause, String causeText) implements PbxEvent {
        public ChannelHungUp {
            requireIds(time, uniqueId, linkedId);
        }
    }

    /**
     * A CDR row ({@code Cdr}, cdr_manager). Times are converted with the PBX's configured zone;
     * {@code answer} is null when unanswered. {@code uniqueId} is the CDR's party A channel.
     */
    record CdrReported(EventTime time, String uniqueId, String source, String destination,
                       String destinationContext, String channel, String destinationChannel,
                       String lastApplication, String lastData, Instant start, Instant answer, Instant end,
                       Integer durationSeconds, Integer billableSeconds, String disposition) implements PbxEvent {
        public CdrReported {
            Objects.requireNonNull(time, "time");
            Objects.requireNonNull(uniqueId, "uniqueId");
        }
    }

    /** A dialplan variable the capture cares about ({@code VarSet}), e.g. {@code WAKEUP_ROOM}. */
    record VariableSet(EventTime time, String uniqueId, String linkedId, String name, String value)
            implements PbxEvent {
        public VariableSet {
            requireIds(time, uniqueId, linkedId);
        }
    }

    /** Outcome of an Originate; reason 4 = answered, 3 = no answer, 5 = busy. */
    record OriginateResult(EventTime time, String actionId, boolean success, Integer reason,
                           String channel, String uniqueId) implements PbxEvent {
        public OriginateResult {
            Objects.requireNonNull(time, "time");
        }
    }

    /** The AMI session is logged in (first time or after a reconnect). */
    record LinkUp(EventTime time, int session) implements PbxEvent {
        public LinkUp {
            Objects.requireNonNull(time, "time");
        }
    }

    /** The AMI session was lost; events may be missing until the next {@link ChannelSnapshot}. */
    record LinkDown(EventTime time, String reason) implements PbxEvent {
        public LinkDown {
            Objects.requireNonNull(time, "time");
        }
    }

    /**
     * The channels the PBX reported as alive right after a (re)connect ({@code CoreShowChannels}).
     * Calls the capture holds whose channels are absent here ended while the link was down.
     */
    record ChannelSnapshot(EventTime time, List<ActiveChannel> channels) implements PbxEvent {
        public ChannelSnapshot {
            Objects.requireNonNull(time, "time");
            channels = List.copyOf(channels);
        }
    }

    /** One channel of a {@link ChannelSnapshot}; {@code ageSeconds} is how long it has existed. */
    record ActiveChannel(String uniqueId, String linkedId, String channel, String state, String callerNum,
                         String exten, String context, long ageSeconds, String bridgeId) {
        public ActiveChannel {
            Objects.requireNonNull(uniqueId, "uniqueId");
            Objects.requireNonNull(linkedId, "linkedId");
        }
    }

    private static void requireIds(EventTime time, String uniqueId, String linkedId) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(uniqueId, "uniqueId");
        Objects.requireNonNull(linkedId, "linkedId");
    }
}
