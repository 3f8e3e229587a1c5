package org.switchboard.core.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * asterisk-java now only serves the command session (events go to our Netty session), but its answers may still
 * carry fields it has no setter for, and it logs one line per occurrence. This filter counts them, reports each
 * distinct one once, and drops the repeats; it also drops the WARN asterisk-java writes whenever a session it ran
 * ends. Registered in logback.xml.
 */
public final class AmiNoiseFilter extends TurboFilter {

    private static final Pattern NO_SETTER = Pattern.compile("Unable to set property '([^']*)'.* on ([\\w.$]+): no setter");
    private static final Pattern NO_CLASS = Pattern.compile("No event class registered for event type '([^']*)'");
    private static final Map<String, LongAdder> COUNTS = new ConcurrentHashMap<>();
    private static final org.slf4j.Logger log = LoggerFactory.getLogger(AmiNoiseFilter.class);

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params, Throwable t) {
        if (format == null || !logger.getName().startsWith("org.asteriskjava")) {
            return FilterReply.NEUTRAL;
        }
        if (format.startsWith("AsyncEventPump has exited")) {
            return FilterReply.DENY; // a command session ending, as each link change ends one: not a warning
        }
        String key = null;
        Matcher m = NO_SETTER.matcher(format);
        if (m.find()) {
            key = "field '" + m.group(1) + "' of " + m.group(2).substring(m.group(2).lastIndexOf('.') + 1);
        } else {
            Matcher c = NO_CLASS.matcher(format);
            if (c.find()) {
                key = "event type '" + c.group(1) + "'";
            }
        }
        if (key == null) {
            return FilterReply.NEUTRAL;
        }
        LongAdder count = COUNTS.computeIfAbsent(key, k -> new LongAdder());
        count.increment();
        if (count.sum() == 1) {
            log.info("AMI sent an unknown {}: ignored (counted; reported once)", key);
        }
        return FilterReply.DENY;
    }

    /** How often each unknown field or event type has been seen since start. */
    public static Map<String, Long> counts() {
        Map<String, Long> out = new java.util.TreeMap<>();
        COUNTS.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
