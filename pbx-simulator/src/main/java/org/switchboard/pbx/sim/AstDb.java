package org.switchboard.pbx.sim;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** The simulator's AstDB: keys written with DBPut, and every write in the order received (for tests and the demo). */
public final class AstDb {

    /** One DBPut as received. */
    public record Put(String family, String key, String value) {
    }

    private final Map<String, String> values = new ConcurrentHashMap<>();
    private final List<Put> puts = new CopyOnWriteArrayList<>();

    void put(String family, String key, String value) {
        values.put(family + "/" + key, value);
        puts.add(new Put(family, key, value));
    }

    public Optional<String> get(String family, String key) {
        return Optional.ofNullable(values.get(family + "/" + key));
    }

    /** Every DBPut received, oldest first. */
    public List<Put> puts() {
        return List.copyOf(puts);
    }
}
