package org.switchboard.core.calls.model;

import org.switchboard.core.directory.Directory;
import org.switchboard.core.directory.Extension;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A call as Asterisk's CDR rows tell it, for a call the daemon never saw on AMI: the rows of one Uniqueid (a
 * busy or unanswered Dial writes two) make one call, completeness FROM_CDR, its talk time the billsec, its
 * parties placed as the live capture places them (a trunk channel calling in is inbound, a Dial to a trunk
 * outbound, else internal). Calls the PBX placed itself (Originate) are left to the wake-up records.
 */
public final class CdrCall {

    private final Directory directory;
    private final ZoneId hotelZone;

    public CdrCall(Directory directory, ZoneId hotelZone) {
        this.directory = directory;
        this.hotelZone = hotelZone;
    }

    /** The call of these rows (all of one Uniqueid), or empty for a call the PBX originated. */
    public Optional<CompletedCall> of(List<CdrRow> rows) {
        CdrRow main = rows.stream().filter(r -> !r.dstChannel().isEmpty()).findFirst().orElse(rows.get(0));
        if (main.originated()) {
            return Optional.empty();
        }
        boolean inbound = directory.trunkForChannel(main.channel()).isPresent();
        boolean outbound = !inbound && !main.dstChannel().isEmpty() && directory.trunkForChannel(main.dstChannel()).isPresent();
        CallDirection direction = inbound ? CallDirection.INBOUND : outbound ? CallDirection.OUTBOUND : CallDirection.INTERNAL;
        String callee = main.dstChannel().isEmpty() ? null : Directory.extensionOf(main.dstChannel());
        String answeredBy = main.answer() == null || callee == null || outbound ? null : callee;
        String extension = inbound ? callee : Directory.extensionOf(main.channel());
        Optional<Extension> ext = directory.extension(extension);
        String trunk = inbound ? directory.trunkForChannel(main.channel()).get().name()
                : outbound ? directory.trunkForChannel(main.dstChannel()).get().name() : null;
        String trunkDigits = outbound ? DialedDigits.of(main.lastData()) : null;
        java.time.Instant end = rows.stream().map(CdrRow::end).max(Comparator.naturalOrder()).orElseThrow();
        int billsec = rows.stream().mapToInt(CdrRow::billsec).max().orElse(0);
        Disposition disposition = Disposition.fromCdrName(main.disposition());
        Duration ring = main.answer() == null ? null : Duration.between(main.start(), main.answer());
        Duration talk = main.answer() == null ? Duration.ZERO : Duration.ofSeconds(billsec);
        return Optional.of(new CompletedCall(main.uniqueId(), direction, main.src(), null, main.dst(), trunkDigits,
                trunk, extension, answeredBy, ext.map(Extension::room).orElse(null),
                ext.map(Extension::department).orElse(null), main.start(), main.start(), main.answer(), end, ring, talk,
                disposition, null, null, TimeSource.CDR, rows.size(), billsec, main.disposition(), CdrCheck.MATCH,
                Completeness.FROM_CDR, main.start().atZone(hotelZone).toLocalDate(), legs(main, end)));
    }

    /** The caller's channel (its Uniqueid is the row's) and the dialled one (known by its name only). */
    private static List<CompletedLeg> legs(CdrRow r, java.time.Instant end) {
        List<CompletedLeg> legs = new ArrayList<>();
        legs.add(new CompletedLeg(r.uniqueId(), r.channel(), LegRole.CALLER, Directory.extensionOf(r.channel()),
                r.start(), null, r.answer(), end, null, null));
        if (!r.dstChannel().isEmpty()) {
            legs.add(new CompletedLeg("cdr:" + r.dstChannel(), r.dstChannel(), LegRole.CALLEE,
                    Directory.extensionOf(r.dstChannel()), r.start(), r.start(), r.answer(), end, null, null));
        }
        return legs;
    }
}
