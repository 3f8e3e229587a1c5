package org.switchboard.core.calls.application;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.model.CdrCall;
import org.switchboard.core.calls.model.CdrRow;
import org.switchboard.core.calls.model.CompletedCall;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The second witness: the calls that ended while the daemon saw nothing (its AMI link down, or the daemon
 * stopped), as Asterisk's CDR store has them. Capture stores them with completeness FROM_CDR; a call it already
 * has under the same Linkedid is skipped there, and one it saw start but not end is stored with the CDR's figures
 * first (its live version, closed at the re-sync with an upper-bound end, is then the duplicate).
 */
public final class GapRecovery {

    private static final Logger log = LoggerFactory.getLogger(GapRecovery.class);

    private final CdrRecords store;
    private final CdrCall calls;

    public GapRecovery(CdrRecords store, CdrCall calls) {
        this.store = store;
        this.calls = calls;
    }

    /**
     * The calls that ended from {@code from} (the last event seen before the gap) to {@code to} (the login after
     * it). CDR times have whole seconds, so the window starts at the second of {@code from}.
     */
    public List<CompletedCall> endedBetween(Instant from, Instant to) {
        List<CdrRow> rows = store.endedBetween(from.truncatedTo(ChronoUnit.SECONDS), to);
        Map<String, List<CdrRow>> byCall = new LinkedHashMap<>();
        rows.forEach(r -> byCall.computeIfAbsent(r.uniqueId(), id -> new ArrayList<>()).add(r));
        List<CompletedCall> out = new ArrayList<>();
        byCall.values().forEach(group -> calls.of(group).ifPresent(out::add));
        log.info("CDR store {}: {} call(s) ended between {} and {}, while the daemon did not see the PBX", store.describe(),
                out.size(), from, to);
        return out;
    }
}
