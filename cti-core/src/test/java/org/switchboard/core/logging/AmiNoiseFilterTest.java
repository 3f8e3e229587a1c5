package org.switchboard.core.logging;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AmiNoiseFilterTest {

    @Test
    void unknownFieldsAreCountedPerFieldAndEventType() {
        org.slf4j.Logger asteriskJava = LoggerFactory.getLogger("org.asteriskjava.manager.util.EventAttributesHelper");
        for (int i = 0; i < 3; i++) {
            asteriskJava.warn("Unable to set property 'futurefield' to '" + i
                    + "' on org.asteriskjava.manager.event.NewChannelEvent: no setter. Please report at https://x");
        }
        LoggerFactory.getLogger("org.asteriskjava.manager.internal.EventBuilderImpl")
                .info("No event class registered for event type 'futuretelepathy', attributes: {...}");
        assertEquals(3L, AmiNoiseFilter.counts().get("field 'futurefield' of NewChannelEvent"));
        assertEquals(1L, AmiNoiseFilter.counts().get("event type 'futuretelepathy'"));
    }
}
