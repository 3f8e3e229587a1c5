package org.switchboard.core.metrics.model;

import java.util.Map;

/** How answer speed is measured, from {@code switchboard.yaml}'s {@code metrics:} section. Immutable. */
public record MetricsSettings(RingCadence cadence, ShiftPlan shifts, Map<String, Integer> talkTargetSeconds) {

    public MetricsSettings {
        talkTargetSeconds = Map.copyOf(talkTargetSeconds);
    }

    /** China's cadence, one whole-day shift, no talk targets. */
    public static MetricsSettings defaults() {
        return new MetricsSettings(RingCadence.china(), ShiftPlan.wholeDay(), Map.of());
    }
}
