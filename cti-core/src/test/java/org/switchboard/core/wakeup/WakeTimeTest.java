package org.switchboard.core.wakeup;

import org.switchboard.core.support.ClockSensitive;

import org.junit.jupiter.api.Test;
import org.switchboard.core.wakeup.model.AttemptOutcome;
import org.switchboard.core.wakeup.model.LocalWakeTime;
import org.switchboard.core.wakeup.model.NextStep;
import org.switchboard.core.wakeup.model.ReadBack;
import org.switchboard.core.wakeup.model.WakeupSettings;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The operator's time, daylight saving, the read-back sentence and the retry rule. */
@ClockSensitive
class WakeTimeTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZonedDateTime EVENING = ZonedDateTime.of(2026, 11, 23, 21, 15, 0, 0, SHANGHAI);

    @Test
    void hhmmIsTheNextSuchTime() {
        assertEquals(LocalDate.of(2026, 11, 24), LocalWakeTime.parse("08:00", EVENING).date());
        assertEquals(LocalDate.of(2026, 11, 23), LocalWakeTime.parse("23:30", EVENING).date());
        assertEquals(LocalTime.of(6, 5), LocalWakeTime.parse("6:05", EVENING).time());
        assertEquals(ZonedDateTime.of(2026, 11, 24, 8, 0, 0, 0, SHANGHAI).toInstant(),
                LocalWakeTime.parse("08:00", EVENING).at());
    }

    @Test
    void aDateAndTimeIsExactAndMustBeAhead() {
        assertEquals(LocalDate.of(2026, 11, 25), LocalWakeTime.parse("2026-11-25T07:30", EVENING).date());
        IllegalArgumentException past = assertThrows(IllegalArgumentException.class,
                () -> LocalWakeTime.parse("2026-11-23T21:00", EVENING));
        assertEquals("time 2026-11-23T21:00 is already past (now 2026-11-23 21:15 Asia/Shanghai)", past.getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalWakeTime.parse("25:00", EVENING))
                .getMessage().startsWith("time '25:00' is not a valid time of day or date"));
        assertEquals("time '8am' is not HH:MM or YYYY-MM-DDTHH:MM",
                assertThrows(IllegalArgumentException.class, () -> LocalWakeTime.parse("8am", EVENING)).getMessage());
    }

    @Test
    void springForwardGapIsPlacedWhenTheClocksJumpAndSaysSo() {
        LocalWakeTime t = LocalWakeTime.on(LocalDate.of(2027, 3, 28), LocalTime.of(2, 30), BERLIN);
        assertEquals(ZonedDateTime.of(2027, 3, 28, 3, 0, 0, 0, BERLIN).toInstant(), t.at());
        assertEquals("02:30 does not exist on 2027-03-28 (clocks go forward): placed at 03:00", t.note());
        assertEquals("Room 808: Sun 28 Mar 03:00, once (02:30 does not exist on 2027-03-28 (clocks go forward): placed at 03:00)",
                ReadBack.sentence("808", t, null, false, BERLIN));
    }

    @Test
    void fallBackRepeatUsesTheFirstAndSaysSo() {
        LocalWakeTime t = LocalWakeTime.on(LocalDate.of(2027, 10, 31), LocalTime.of(2, 30), BERLIN);
        assertEquals(Instant.parse("2027-10-31T00:30:00Z"), t.at(), "02:30 CEST, the first of the two");
        assertEquals("02:30 occurs twice on 2027-10-31 (clocks go back): placed at the first 02:30 (UTC+02:00)", t.note());
        assertNull(LocalWakeTime.on(LocalDate.of(2027, 10, 31), LocalTime.of(6, 30), BERLIN).note());
    }

    @Test
    void readBackSentence() {
        LocalWakeTime t = LocalWakeTime.parse("08:00", EVENING);
        assertEquals("Room 808: Tue 24 Nov 08:00, twice, 4 minutes apart",
                ReadBack.sentence("808", t, Duration.ofMinutes(4), false, SHANGHAI));
        assertEquals("Room 808: Tue 24 Nov 08:00, once", ReadBack.sentence("808", t, null, false, SHANGHAI));
        assertEquals("Room 808: daily from Tue 24 Nov 08:00, once, until check-out",
                ReadBack.sentence("808", t, null, true, SHANGHAI));
        assertEquals(Duration.ofMinutes(4), ReadBack.parseInterval("4m"));
        assertEquals(Duration.ofMinutes(5), ReadBack.parseInterval("5"));
        assertEquals(Duration.ofSeconds(90), ReadBack.parseInterval("90s"));
        assertThrows(IllegalArgumentException.class, () -> ReadBack.parseInterval("2h"));
        assertThrows(IllegalArgumentException.class, () -> ReadBack.parseInterval("10s"));
    }

    @Test
    void retryUntilTheAttemptsAreUsedThenEscalate() {
        WakeupSettings s = WakeupSettings.defaults(); // 2 retries, 3 minutes apart
        Instant end = Instant.parse("2026-11-24T00:00:30Z");
        assertEquals(new NextStep.Woken(), NextStep.after(AttemptOutcome.ANSWERED, 1, end, s));
        assertEquals(new NextStep.Retry(2, end.plusSeconds(180)), NextStep.after(AttemptOutcome.NO_ANSWER, 1, end, s));
        assertEquals(new NextStep.Retry(3, end.plusSeconds(180)), NextStep.after(AttemptOutcome.SHORT_ANSWER, 2, end, s));
        assertTrue(NextStep.after(AttemptOutcome.BUSY, 3, end, s) instanceof NextStep.Escalate e
                && e.reason().equals("3 attempt(s), last busy"));
        assertTrue(NextStep.after(AttemptOutcome.TOO_LATE, 1, end, s) instanceof NextStep.Escalate);
        assertEquals(AttemptOutcome.NO_ANSWER, AttemptOutcome.ofOriginateReason(false, 3));
        assertEquals(AttemptOutcome.BUSY, AttemptOutcome.ofOriginateReason(false, 5));
        assertEquals(AttemptOutcome.FAILED, AttemptOutcome.ofOriginateReason(false, 8));
        assertEquals(AttemptOutcome.ANSWERED, AttemptOutcome.ofOriginateReason(true, 4));
    }
}
