package org.switchboard.core.calls.model;

import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;
import org.switchboard.core.directory.Trunk;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the legs of a finished call into its record: direction (by trunk devices from the
 * directory), numbers, ring time (first {@code DialState RINGING} to the answering {@code DialEnd},
 * or to the end of ringing when unanswered), talk time (answer to the first hang-up of the talking
 * parties), disposition, and the cross-check against Asterisk's CDR rows. Stateless; thread-safe.
 */
public final class CallSummarizer {

    private final Directory directory;
    private final ZoneId hotelZone;
    private final Stalls stalls;

    public CallSummarizer(Directory directory, ZoneId hotelZone) {
        this(directory, hotelZone, Stalls.NONE);
    }

    /** {@code stalls}: when this process froze or its clock jumped, so arrival times are not to be trusted. */
    public CallSummarizer(Directory directory, ZoneId hotelZone, Stalls stalls) {
        this.directory = directory;
        this.hotelZone = hotelZone;
        this.stalls = stalls;
    }

    CompletedCall summarize(CallState call) {
        LegState caller = call.callerLeg();
        List<LegState> dialled = call.legs.values().stream().filter(l -> l != caller).toList();
        // An Originate's only leg is both the first channel and the one the PBX dialled.
        List<LegState> rung = call.originated ? List.of(caller) : dialled;

        Optional<Trunk> callerTrunk = directory.trunkForChannel(caller.channel);
        Optional<LegState> trunkLeg = dialled.stream().filter(l -> directory.trunkForChannel(l.channel).isPresent())
                .findFirst();
        CallDirection direction = call.originated ? CallDirection.ORIGINATED
                : callerTrunk.isPresent() ? CallDirection.INBOUND
                : trunkLeg.isPresent() ? CallDirection.OUTBOUND : CallDirection.INTERNAL;

        LegState answering = rung.stream().filter(l -> answerOf(l) != null)
                .min(Comparator.comparing(CallSummarizer::answerOf)).orElse(null);
        Instant answeredAt = answering == null ? null : answerOf(answering);
        if (answering == null && dialled.isEmpty() && !call.originated && caller.upAt != null) {
            answeredAt = caller.upAt; // answered by the PBX itself (voicemail, IVR): nothing rang
        }
        Instant ringStart = rung.stream().map(l -> l.ringStartedAt != null ? l.ringStartedAt : l.ringingStateAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        Duration ring = ring(rung, ringStart, answeredAt);

        Instant startedAt = call.legs.values().stream().map(l -> l.createdAt).min(Comparator.naturalOrder()).orElseThrow();
        Instant endedAt = call.legs.values().stream().map(l -> l.hungUpAt).filter(Objects::nonNull)
                .max(Comparator.naturalOrder()).orElse(startedAt);
        Duration talk = Duration.ZERO;
        if (answeredAt != null) {
            Instant talkEnd = talkEnd(caller, rung, endedAt);
            talk = talkEnd.isBefore(answeredAt) ? Duration.ZERO : Duration.between(answeredAt, talkEnd);
        }

        LegState firstToHangUp = call.legs.values().stream().filter(l -> l.hungUpAt != null)
                .min(Comparator.comparing((LegState l) -> l.hungUpAt)).orElse(caller);
        Disposition disposition = disposition(answeredAt != null, rung);

        String answeredBy = answering == null ? null : extensionOf(answering);
        Parties p = parties(direction, caller, dialled, answeredBy, callerTrunk, trunkLeg);
        String extension = p.extension();
        Optional<Extension> ext = directory.extension(extension);
        String room = call.wakeupRoom != null && direction == CallDirection.ORIGINATED ? call.wakeupRoom
                : ext.map(Extension::room).orElse(null);
        String department = ext.map(Extension::department).orElse(null);

        int billsec = call.cdrs.stream().map(PbxEvent.CdrReported::billableSeconds).filter(Objects::nonNull)
                .max(Integer::compare).orElse(0);
        String cdrDisposition = call.cdrs.isEmpty() ? null : call.cdrs.get(0).disposition();
        CdrCheck check = check(call.cdrs, disposition, talk, billsec);
        TimeSource times = !call.usesArrivalTimes() ? TimeSource.PBX_TIMESTAMP
                : stalls.overlap(startedAt, endedAt) ? TimeSource.ARRIVAL_UNSURE : TimeSource.ARRIVAL;
        CompletedCall seen = new CompletedCall(call.linkedId, direction, p.callerNumber(), caller.callerName,
                p.calleeNumber(), p.trunkDigits(), p.trunk(), extension, answeredBy, room, department, startedAt,
                ringStart, answeredAt, endedAt, ring, talk, disposition, firstToHangUp.cause, firstToHangUp.causeText,
                times, call.cdrs.size(), call.cdrs.isEmpty() ? null : billsec, cdrDisposition, check, call.completeness,
                startedAt.atZone(hotelZone).toLocalDate(), legs(call));
        boolean trusted = call.completeness == Completeness.COMPLETE && times != TimeSource.ARRIVAL_UNSURE;
        return trusted ? seen : correctedByCdr(seen, call.cdrs);
    }

    /** Whether the CDR agrees with what the events showed: the same disposition, billsec within a second of talk. */
    private static CdrCheck check(List<PbxEvent.CdrReported> cdrs, Disposition disposition, Duration talk, int billsec) {
        return cdrs.isEmpty() ? CdrCheck.ABSENT
                : disposition.cdrName().equalsIgnoreCase(cdrs.get(0).disposition())
                && Math.abs(talk.toSeconds() - billsec) <= 1 ? CdrCheck.MATCH : CdrCheck.MISMATCH;
    }

    /**
     * A call not seen whole (joined in progress, or ended while the link was down), or timed by arrival across a
     * freeze or clock jump, whose CDR arrived: Asterisk's
     * start, answer, end and billsec replace what was guessed (an end at the re-sync is an upper bound; a joined
     * call's start and answer are unknown). What the events did see — parties, legs, a ring start — stays.
     */
    private CompletedCall correctedByCdr(CompletedCall seen, List<PbxEvent.CdrReported> cdrs) {
        PbxEvent.CdrReported main = cdrs.stream().filter(c -> c.answer() != null && c.start() != null
                        && c.end() != null)
                .max(Comparator.comparing(c -> Objects.requireNonNullElse(c.billableSeconds(), 0)))
                .or(() -> cdrs.stream().filter(c -> c.start() != null && c.end() != null).findFirst())
                .orElse(null);
        if (main == null) {
            return seen;
        }
        Instant start = main.start().isBefore(seen.startedAt()) ? main.start() : seen.startedAt();
        Instant answer = main.answer();
        Instant ringStart = seen.ringStartedAt() != null ? seen.ringStartedAt() : start;
        Instant ringEnd = answer != null ? answer : main.end();
        int billsec = Objects.requireNonNullElse(main.billableSeconds(), 0);
        Disposition disposition = answer != null ? Disposition.ANSWERED : Disposition.fromCdrName(main.disposition());
        return seen.withTimes(start, ringStart, answer, main.end(),
                ringEnd.isBefore(ringStart) ? null : Duration.between(ringStart, ringEnd),
                answer == null ? Duration.ZERO : Duration.ofSeconds(billsec), disposition, TimeSource.CDR,
                CdrCheck.MATCH, start.atZone(hotelZone).toLocalDate());
    }

    /** Who called whom: the numbers, the hotel's extension the call belongs to, and the trunk it used. */
    private record Parties(String callerNumber, String calleeNumber, String extension, String trunk, String trunkDigits) {
    }

    private Parties parties(CallDirection direction, LegState caller, List<LegState> dialled, String answeredBy,
                            Optional<Trunk> callerTrunk, Optional<LegState> trunkLeg) {
        String callerNumber;
        String calleeNumber;
        String extension;
        String trunkDigits = null;
        String trunk = null;
        switch (direction) {
            case ORIGINATED -> {
                callerNumber = nz(caller.callerNum);
                extension = extensionOf(caller);
                calleeNumber = nz(extension);
            }
            case INBOUND -> {
                callerNumber = nz(caller.callerNum);
                calleeNumber = nz(caller.exten);
                trunk = callerTrunk.get().name();
                extension = answeredBy != null ? answeredBy
                        : dialled.stream().map(this::extensionOf).filter(Objects::nonNull).findFirst().orElse(null);
            }
            default -> {
                callerNumber = nz(caller.callerNum != null ? caller.callerNum : extensionOf(caller));
                calleeNumber = nz(caller.exten);
                extension = extensionOf(caller);
                if (trunkLeg.isPresent()) {
                    trunk = directory.trunkForChannel(trunkLeg.get().channel).get().name();
                    trunkDigits = DialedDigits.of(trunkLeg.get().dialString);
                }
            }
        }
        return new Parties(callerNumber, calleeNumber, extension, trunk, trunkDigits);
    }

    /** From the first ring to the answer (or to the end of ringing); null when the PBX gave no ring. */
    private static Duration ring(List<LegState> rung, Instant ringStart, Instant answeredAt) {
        Instant ringEnd = answeredAt != null ? answeredAt : rung.stream()
                .map(l -> l.dialEndedAt != null ? l.dialEndedAt : l.hungUpAt)
                .filter(Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return ringStart == null || ringEnd == null || ringEnd.isBefore(ringStart) ? null
                : Duration.between(ringStart, ringEnd);
    }

    private List<CompletedLeg> legs(CallState call) {
        return call.legs.values().stream().map(l -> new CompletedLeg(l.uniqueId, l.channel,
                l.role, extensionOf(l), l.createdAt, l.ringStartedAt != null ? l.ringStartedAt : l.ringingStateAt,
                answerOf(l), l.hungUpAt, l.dialStatus, l.cause)).toList();
    }

    /** When a leg was answered: its {@code DialEnd ANSWER}, else entering a bridge. */
    /**
     * The caller talks from the first answer until it hangs up or the last phone that answered does: a transfer
     * hands the caller from one answered leg to the next, and the caller's leg — an outside line's too — is on for
     * its whole life.
     */
    private static Instant talkEnd(LegState caller, List<LegState> rung, Instant endedAt) {
        Instant lastAnswered = rung.stream().filter(l -> answerOf(l) != null)
                .map(l -> l.hungUpAt == null ? endedAt : l.hungUpAt).max(Comparator.naturalOrder()).orElse(endedAt);
        return caller.hungUpAt != null && caller.hungUpAt.isBefore(lastAnswered) ? caller.hungUpAt : lastAnswered;
    }

    private static Instant answerOf(LegState l) {
        return l.answeredAt != null ? l.answeredAt : l.bridgedAt;
    }

    private static Disposition disposition(boolean answered, List<LegState> rung) {
        if (answered) {
            return Disposition.ANSWERED;
        }
        boolean busy = false;
        boolean noAnswer = false;
        for (LegState l : rung) {
            String s = l.dialStatus == null ? "" : l.dialStatus.toUpperCase();
            busy |= s.equals("BUSY") || (s.isEmpty() && Integer.valueOf(17).equals(l.cause));
            noAnswer |= s.equals("NOANSWER") || s.equals("CANCEL")
                    || (s.isEmpty() && (l.ringStartedAt != null || l.ringingStateAt != null));
        }
        return busy ? Disposition.BUSY : noAnswer ? Disposition.NO_ANSWER : Disposition.FAILED;
    }

    /** The hotel extension on a leg, or null for a trunk channel. */
    private String extensionOf(LegState l) {
        if (directory.trunkForChannel(l.channel).isPresent()) {
            return null;
        }
        return Directory.extensionOf(l.channel);
    }


    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
