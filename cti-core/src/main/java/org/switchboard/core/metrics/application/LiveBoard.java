package org.switchboard.core.metrics.application;

import org.switchboard.core.directory.Department;
import org.switchboard.core.directory.Directory;
import org.switchboard.core.metrics.model.AnswerOutcome;
import org.switchboard.core.metrics.model.Measurement;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What is happening on the staff phones now: which are ringing and since when (for a ring timer),
 * and the missed calls as they are measured. Fed on the capture thread with each PBX event (a map
 * update, nothing more) and by the metrics recorder with each measurement; read by the API and
 * pushed to its live stream. Thread-safe.
 */
public final class LiveBoard {

    private static final int RECENT_MISSED = 50;

    /** A staff phone ringing now. {@code since} is the PBX's time of its first ring. */
    public record RingingPhone(String linkedId, String uniqueId, String extension, String department,
                               Instant since, long thresholdMs) {
    }

    /** Something to tell live-stream listeners: {@code ringing}, {@code ring-ended}, {@code measured}, {@code missed}, {@code reset}. */
    public record LiveEvent(String type, Object data) {
    }

    private record Dialled(String linkedId, String extension, Department department) {
    }

    private final Directory directory;
    private final Map<String, Dialled> dialled = new ConcurrentHashMap<>();
    private final Map<String, RingingPhone> ringing = new ConcurrentHashMap<>();
    private final Deque<Measurement> missed = new ArrayDeque<>();
    private final List<Measurement> today = new ArrayList<>(); // guarded by itself
    private java.time.LocalDate day; // the business day of {@code today}
    private final List<Consumer<LiveEvent>> listeners = new CopyOnWriteArrayList<>();

    public LiveBoard(Directory directory) {
        this.directory = directory;
    }

    /** One PBX event, on the capture thread. Only calls dialled to staff phones are followed. */
    public void observe(PbxEvent event) {
        if (event instanceof PbxEvent.DialStarted e) {
            if (e.callerUniqueId() != null) {
                String ext = Directory.extensionOf(e.destChannel());
                directory.extension(ext).filter(x -> x.department() != null)
                        .map(x -> directory.departments().get(x.department()))
                        .ifPresent(d -> dialled.put(e.destUniqueId(), new Dialled(e.destLinkedId(), ext, d)));
            }
        } else if (event instanceof PbxEvent.DialProgressed e) {
            if ("RINGING".equalsIgnoreCase(e.status())) {
                ringingFrom(e.destUniqueId(), e.time().instant());
            }
        } else if (event instanceof PbxEvent.ChannelStateChanged e) {
            if ("Ringing".equalsIgnoreCase(e.state())) {
                ringingFrom(e.uniqueId(), e.time().instant());
            }
        } else if (event instanceof PbxEvent.DialEnded e) {
            stopped(e.destUniqueId(), e.status());
        } else if (event instanceof PbxEvent.ChannelHungUp e) {
            stopped(e.uniqueId(), "HANGUP");
        } else if (event instanceof PbxEvent.LinkDown) {
            dialled.clear(); // what rang during an outage is learnt from the stored calls, not guessed
            ringing.clear();
            publish(new LiveEvent("reset", Map.of()));
        }
    }

    private void ringingFrom(String uniqueId, Instant at) {
        Dialled d = dialled.get(uniqueId);
        if (d == null || ringing.containsKey(uniqueId)) {
            return;
        }
        RingingPhone phone = new RingingPhone(d.linkedId(), uniqueId, d.extension(), d.department().id(), at,
                d.department().answerThresholdSeconds() * 1000L);
        ringing.put(uniqueId, phone);
        publish(new LiveEvent("ringing", phone));
    }

    private void stopped(String uniqueId, String how) {
        Dialled d = dialled.remove(uniqueId);
        RingingPhone phone = ringing.remove(uniqueId);
        if (d != null && phone != null) {
            publish(new LiveEvent("ring-ended", Map.of("uniqueId", uniqueId, "extension", phone.extension(),
                    "department", phone.department(), "how", how == null ? "" : how)));
        }
    }

    /** Starts the day's figures from what is stored (at daemon start, before any new measurement). */
    public void startDay(java.time.LocalDate businessDay, List<Measurement> stored) {
        synchronized (today) {
            day = businessDay;
            today.clear();
            today.addAll(stored);
        }
    }

    /** Measurements just stored (recorder thread). Only the current business day's stay on the board. */
    public void measured(List<Measurement> measurements) {
        for (Measurement m : measurements) {
            synchronized (today) {
                if (day == null || m.shiftDate().isAfter(day)) {
                    day = m.shiftDate(); // a new business day began
                    today.clear();
                }
                if (!m.shiftDate().equals(day)) {
                    continue; // a late measurement of an earlier day (measured at start-up)
                }
                today.add(m);
            }
            publish(new LiveEvent("measured", m));
            if (m.outcome() == AnswerOutcome.MISSED) {
                synchronized (missed) {
                    missed.addFirst(m);
                    if (missed.size() > RECENT_MISSED) {
                        missed.removeLast();
                    }
                }
                publish(new LiveEvent("missed", m));
            }
        }
    }

    /** The phones ringing now, longest-ringing first. */
    public List<RingingPhone> ringingNow() {
        List<RingingPhone> out = new ArrayList<>(ringing.values());
        out.sort(Comparator.comparing(RingingPhone::since).thenComparing(RingingPhone::extension));
        return out;
    }

    /** The measurements of {@code businessDay} so far, if it is the board's day; else none. */
    public List<Measurement> measuredOn(java.time.LocalDate businessDay) {
        synchronized (today) {
            return businessDay.equals(day) ? List.copyOf(today) : List.of();
        }
    }

    /** The latest missed calls since start, newest first. */
    public List<Measurement> recentMissed() {
        synchronized (missed) {
            return List.copyOf(missed);
        }
    }

    /** Registers a live-stream listener; closing the handle removes it. Listeners must not block. */
    public AutoCloseable subscribe(Consumer<LiveEvent> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Tells the live stream's listeners something from elsewhere in the daemon (e.g. a wake-up alarm). */
    public void announce(String type, Object data) {
        publish(new LiveEvent(type, data));
    }

    private void publish(LiveEvent event) {
        for (Consumer<LiveEvent> l : listeners) {
            try {
                l.accept(event);
            } catch (RuntimeException e) {
                listeners.remove(l); // a broken listener (closed connection) must not slow capture
            }
        }
    }
}
