package org.switchboard.core.calls.model;

import java.util.LinkedHashMap;
import java.util.Map;

/** A bounded set of the most recently added ids (oldest evicted first). Not thread-safe. */
final class RecentIds {
    private final Map<String, Boolean> ids;

    RecentIds(int capacity) {
        this.ids = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    void add(String id) {
        ids.put(id, Boolean.TRUE);
    }

    boolean contains(String id) {
        return ids.containsKey(id);
    }
}
