package org.switchboard.core.support;

import org.junit.jupiter.api.Tag;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A test whose daemon, simulator or browser runs on the machine's wall clock ("today", "the next 07:30"), so it
 * could depend on the date or the machine's zone. Where Debian's libfaketime is installed, {@code mvn verify} runs
 * these once more with the clock moved to a 1st of the month on 29 February and once across a daylight-saving
 * night in another zone (the root pom's {@code date-proof} profile). The launcher's tests carry the same tag.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("clock")
public @interface ClockSensitive {
}
