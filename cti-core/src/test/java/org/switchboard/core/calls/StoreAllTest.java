package org.switchboard.core.calls;

import org.junit.jupiter.api.Test;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.calls.model.CdrCheck;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.calls.model.Completeness;
import org.switchboard.core.calls.model.Disposition;
import org.switchboard.core.calls.model.LegRole;
import org.switchboard.core.calls.model.TimeSource;
import org.switchboard.core.storage.Database;
import org.switchboard.core.support.TestDatabase;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/** The capture's multi-row store: each call once, its legs under its own id, the ids in the order given. */
class StoreAllTest {

    private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

    @Test
    void aLotIsStoredInOrderWithItsLegsAndEveryLinkedidOnce() throws Exception {
        try (Database db = TestDatabase.freshDatabase()) {
            CallRepository calls = new CallRepository(db.dsl());
            assertNotNull(calls.storeAll(List.of(call("1700000000.9", 1)), T).get(0));

            List<Long> ids = calls.storeAll(List.of(call("1700000000.1", 2), call("1700000000.2", 1),
                    call("1700000000.1", 2), call("1700000000.9", 1), call("1700000000.3", 0)), T);

            assertEquals(5, ids.size());
            assertNotNull(ids.get(0));
            assertNotNull(ids.get(1));
            assertNull(ids.get(2), "the same Linkedid twice in one lot is stored once");
            assertNull(ids.get(3), "a Linkedid stored before is skipped");
            assertNotNull(ids.get(4));
            assertEquals(4, db.dsl().fetchCount(CALLS));
            assertEquals(List.of("1700000000.1", "1700000000.2", "1700000000.3"),
                    Arrays.asList(db.dsl().select(CALLS.LINKEDID).from(CALLS).where(CALLS.ID.in(ids.get(0), ids.get(1),
                            ids.get(4))).orderBy(CALLS.ID).fetchArray(CALLS.LINKEDID)));
            assertEquals(2, db.dsl().fetchCount(CALL_LEGS, CALL_LEGS.CALL_ID.eq(ids.get(0))));
            assertEquals(1, db.dsl().fetchCount(CALL_LEGS, CALL_LEGS.CALL_ID.eq(ids.get(1))));
            assertEquals(List.of("1700000000.1-leg0", "1700000000.1-leg1"), db.dsl().select(CALL_LEGS.UNIQUEID)
                    .from(CALL_LEGS).where(CALL_LEGS.CALL_ID.eq(ids.get(0))).orderBy(CALL_LEGS.UNIQUEID).fetch(CALL_LEGS.UNIQUEID));
            assertEquals(0, db.dsl().fetchCount(CALL_LEGS, CALL_LEGS.CALL_ID.eq(ids.get(4))));
            assertEquals(Arrays.asList(null, null), calls.storeAll(List.of(call("1700000000.1", 2), call("1700000000.2", 1)), T),
                    "a lot of calls all stored before");
            assertEquals(4, db.dsl().fetchCount(CALLS));
        }
    }

    private static CompletedCall call(String linkedId, int legs) {
        List<CompletedLeg> legList = new java.util.ArrayList<>();
        for (int i = 0; i < legs; i++) {
            legList.add(new CompletedLeg(linkedId + "-leg" + i, "SIP/10" + i + "-0000000" + i,
                    i == 0 ? LegRole.CALLER : LegRole.CALLEE, "10" + i, T, T, T.plusSeconds(2), T.plusSeconds(30),
                    "ANSWER", 16));
        }
        return new CompletedCall(linkedId, CallDirection.INTERNAL, "100", null, "101", null, null, "100", "101", null,
                null, T, T, T.plusSeconds(2), T.plusSeconds(30), Duration.ofSeconds(2), Duration.ofSeconds(28),
                Disposition.ANSWERED, 16, "Normal Clearing", TimeSource.PBX_TIMESTAMP, 0, null, null, CdrCheck.ABSENT,
                Completeness.COMPLETE, LocalDate.of(2026, 11, 20), legList);
    }
}
