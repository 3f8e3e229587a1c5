package org.switchboard.billing.rating;

import org.switchboard.billing.tariff.Tariff;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * All tariff versions, each in force from its effective date until the next one, so that a
 * corrected tariff applies from its date while older calls keep their prices. Immutable.
 */
public final class TariffBook {

    private final TreeMap<LocalDate, Tariff> byDate = new TreeMap<>();

    public TariffBook(List<Tariff> versions) {
        for (Tariff t : versions.stream().sorted(Comparator.comparing(Tariff::effectiveFrom)).toList()) {
            Tariff clash = byDate.put(t.effectiveFrom(), t);
            if (clash != null) {
                throw new IllegalArgumentException("tariffs " + clash.version() + " and " + t.version()
                        + " both take effect on " + t.effectiveFrom());
            }
        }
    }

    /** All versions, oldest first. */
    public List<Tariff> versions() {
        return List.copyOf(byDate.values());
    }

    /** The version in force on that date, or null if the date is before the first version. */
    public Tariff inForceOn(LocalDate date) {
        Map.Entry<LocalDate, Tariff> e = byDate.floorEntry(date);
        return e == null ? null : e.getValue();
    }
}
