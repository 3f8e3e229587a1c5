package org.switchboard.core.calls.infrastructure;

import org.jooq.DSLContext;
import org.switchboard.core.calls.model.CompletedCall;
import org.switchboard.core.calls.model.CompletedLeg;
import org.switchboard.core.storage.jooq.tables.records.CallLegsRecord;
import org.switchboard.core.storage.jooq.tables.records.CallsRecord;

import java.time.Instant;

import static org.switchboard.core.storage.UtcColumns.utc;
import static org.switchboard.core.storage.jooq.Tables.CALLS;
import static org.switchboard.core.storage.jooq.Tables.CALL_LEGS;

/**
 * A call and its legs as rows, every column set: one statement may then carry many calls (a multi-row insert
 * needs the same columns in each row).
 */
final class CallRows {

    private CallRows() {
    }

    static CallLegsRecord leg(DSLContext tx, long callId, CompletedLeg leg) {
        CallLegsRecord r = tx.newRecord(CALL_LEGS);
        r.setCallId(callId);
        r.setUniqueid(leg.uniqueId());
        r.setChannel(leg.channel());
        r.setRole(leg.role().name());
        r.setExtension(leg.extension());
        r.setCreatedAt(utc(leg.createdAt()));
        r.setRingStartedAt(utc(leg.ringStartedAt()));
        r.setAnsweredAt(utc(leg.answeredAt()));
        r.setHungUpAt(utc(leg.hungUpAt()));
        r.setDialStatus(leg.dialStatus());
        r.setHangupCause(leg.hangupCause());
        return r;
    }

    /** The calls row of a completed call (its legs go to call_legs). */
    static CallsRecord call(DSLContext tx, CompletedCall c, Instant storedAt, String source, String enteredBy) {
        CallsRecord r = tx.newRecord(CALLS);
        r.setLinkedid(c.linkedId());
        r.setDirection(c.direction().name());
        r.setCallerNumber(c.callerNumber());
        r.setCallerName(c.callerName());
        r.setCalleeNumber(c.calleeNumber());
        r.setTrunkDigits(c.trunkDigits());
        r.setTrunk(c.trunk());
        r.setExtension(c.extension());
        r.setAnsweredBy(c.answeredBy());
        r.setRoom(c.room());
        r.setDepartment(c.department());
        r.setStartedAt(utc(c.startedAt()));
        r.setRingStartedAt(utc(c.ringStartedAt()));
        r.setAnsweredAt(utc(c.answeredAt()));
        r.setEndedAt(utc(c.endedAt()));
        r.setRingMs(c.ring() == null ? null : c.ring().toMillis());
        r.setTalkMs(c.talk().toMillis());
        r.setDisposition(c.disposition().cdrName());
        r.setHangupCause(c.hangupCause());
        r.setHangupCauseText(c.hangupCauseText());
        r.setTimeSource(c.timeSource().name());
        r.setCdrRows(c.cdrRows());
        r.setCdrBillsec(c.cdrBillableSeconds());
        r.setCdrDisposition(c.cdrDisposition());
        r.setCdrCheck(c.cdrCheck().name());
        r.setCompleteness(c.completeness().name());
        r.setLocalDate(c.localDate());
        r.setStoredAt(utc(storedAt));
        r.setSource(source);
        r.setEnteredBy(enteredBy);
        return r;
    }
}
