package org.switchboard.pbx.ami;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.asteriskjava.manager.ManagerConnection;
import org.asteriskjava.manager.ManagerConnectionFactory;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.action.DbPutAction;
import org.asteriskjava.manager.action.PingAction;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.manager.response.ManagerError;
import org.asteriskjava.manager.response.ManagerResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.event.EventTime;
import org.switchboard.pbx.event.PbxEvent;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The daemon's AMI session with Asterisk, kept up by one supervisor thread: log in (retrying with
 * exponential back-off and jitter, also when the PBX is down at start-up), ask for the live
 * channels ({@code CoreShowChannels}) after every login so calls in progress are re-synchronised,
 * ping to detect a dead PBX, and on any failure drop the session and start again. Its own actions
 * are sent with a timeout from this thread, never from the event thread; {@link #originate} sends
 * asynchronously from the caller's thread and reports the PBX's answer through a callback.
 * <p>asterisk-java reconnects on its own at a fixed pace; we retire a failed connection instead
 * ({@code logoff}) and open a new one, so back-off and re-sync are ours. Events go through
 * {@link AmiEventTranslator} into the {@link PbxEventQueue}; asterisk-java types stay in here.
 */
public final class AmiLink implements AutoCloseable, Originator, AstDbWriter {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiSettings settings;
    private final PbxEventQueue queue;
    private final Clock clock;
    private final LinkCounters counters;
    private final AmiEventTranslator translator;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean connected;
    private volatile Thread supervisor;
    private volatile Session current;

    public AmiLink(AmiSettings settings, PbxEventQueue queue, Clock clock) {
        this.settings = settings;
        this.queue = queue;
        this.clock = clock;
        this.counters = new LinkCounters();
        this.translator = new AmiEventTranslator(settings.pbxZone(), clock, counters);
        this.backoff = new Backoff(settings.backoffInitial(), settings.backoffMax(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    public void start() {
        if (!running.compareAndSet(false, true)) {
            return;
        }
        Thread t = new Thread(this::supervise, "ami-link-supervisor");
        t.setDaemon(true);
        supervisor = t;
        t.start();
    }

    public boolean isConnected() {
        return connected;
    }

    public LinkCounters counters() {
        return counters;
    }

    private void supervise() {
        while (running.get()) {
            Session session = new Session();
            try {
                session.open();
                current = session;
                backoff.reset();
                session.watch();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (AuthenticationFailedException e) {
                log.error("AMI login refused for user '{}' at {}:{}: check username and secret in the configuration",
                        settings.username(), settings.host(), settings.port());
            } catch (Exception e) {
                log.warn("AMI link to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
            } finally {
                current = null;
                session.close();
            }
            if (running.get()) {
                Duration wait = backoff.next();
                log.info("reconnecting to AMI {}:{} in {} ms (attempt {})", settings.host(), settings.port(),
                        wait.toMillis(), backoff.attempts());
                if (!sleepWhileRunning(wait)) {
                    break;
                }
            }
        }
    }

    @Override
    public void originate(OriginateRequest request, Consumer<String> refused) {
        Session s = current;
        if (s == null || !connected) {
            refused.accept("PBX link is down");
            return;
        }
        s.originate(request, refused);
    }

    @Override
    public void put(String family, String key, String value, Consumer<String> outcome) {
        Session s = current;
        if (s == null || !connected) {
            outcome.accept("PBX link is down");
            return;
        }
        s.dbPut(family, key, value, outcome);
    }

    /** Sleeps in short steps so that {@link #close()} need not interrupt a thread inside asterisk-java. */
    private boolean sleepWhileRunning(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (running.get() && System.nanoTime() < until) {
                Thread.sleep(Math.min(50, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return running.get();
    }

    /** One login: its connection, its listener, and the reason it ended. */
    private final class Session implements ManagerEventListener {
        private final ManagerConnection connection;
        private final AtomicBoolean active = new AtomicBoolean(true);
        private final AtomicBoolean lost = new AtomicBoolean();
        private final AtomicBoolean resyncNeeded = new AtomicBoolean();
        private boolean up;

        Session() {
            connection = new ManagerConnectionFactory(settings.host(), settings.port(), settings.username(),
                    settings.secret()).createManagerConnection();
            if (connection instanceof ManagerConnectionImpl impl) {
                impl.setDefaultResponseTimeout(settings.actionTimeout().toMillis());
                impl.setDefaultEventTimeout(settings.actionTimeout().toMillis());
                impl.setSocketReadTimeout((int) settings.readTimeout().toMillis());
                impl.setSocketTimeout((int) settings.actionTimeout().toMillis());
            }
        }

        void open() throws Exception {
            connection.addEventListener(this);
            connection.login("on");
            up = true;
            connected = true;
            counters.logins.incrementAndGet();
            int n = sessions.incrementAndGet();
            log.info("AMI logged in to {}:{} as '{}' (session {})", settings.host(), settings.port(),
                    settings.username(), n);
            hand(new PbxEvent.LinkUp(EventTime.arrival(clock.instant()), n));
            resync();
        }

        /** Sends {@code CoreShowChannels} and hands the live channels to the capture. */
        void resync() throws Exception {
            List<PbxEvent.ActiveChannel> channels = translator.activeChannels(AmiActions.liveChannels(connection,
                    settings.actionTimeout()));
            hand(new PbxEvent.ChannelSnapshot(EventTime.arrival(clock.instant()), channels));
            log.info("AMI re-sync: {} live channel(s)", channels.size());
        }

        /** Asynchronous: the response is handed to {@code refused} on asterisk-java's reader thread. */
        void originate(OriginateRequest r, Consumer<String> refused) {
            try {
                connection.sendAction(AmiActions.originate(r), response -> refused.accept(response instanceof ManagerError
                        ? "PBX refused the Originate: " + response.getMessage() : null));
            } catch (Exception e) {
                refused.accept("could not send the Originate: " + e);
            }
        }

        /** Asynchronous, like {@link #originate}: the response reaches {@code outcome} on asterisk-java's reader thread. */
        void dbPut(String family, String key, String value, Consumer<String> outcome) {
            try {
                connection.sendAction(new DbPutAction(family, key, value), response -> outcome.accept(
                        response instanceof ManagerError ? "PBX refused DBPut: " + response.getMessage() : null));
            } catch (Exception e) {
                outcome.accept("could not send DBPut: " + e);
            }
        }

        /** Returns when the session is lost, the PBX stops answering pings, or the link closes. */
        void watch() throws Exception {
            long nextPing = System.nanoTime() + settings.pingInterval().toNanos();
            while (running.get() && !lost.get()) {
                if (resyncNeeded.getAndSet(false)) {
                    resync();
                }
                if (System.nanoTime() >= nextPing) {
                    ManagerResponse pong = connection.sendAction(new PingAction(), settings.actionTimeout().toMillis());
                    if (pong instanceof ManagerError) {
                        throw new IllegalStateException("PBX answered Ping with an error: " + pong.getMessage());
                    }
                    nextPing = System.nanoTime() + settings.pingInterval().toNanos();
                }
                TimeUnit.MILLISECONDS.sleep(50);
            }
        }

        @Override
        public void onManagerEvent(ManagerEvent event) {
            if (!active.get()) {
                return;
            }
            if (event instanceof DisconnectEvent) {
                lost.set(true);
                return;
            }
            if (event instanceof ConnectEvent || event instanceof CoreShowChannelEvent
                    || event instanceof CoreShowChannelsCompleteEvent) {
                return; // link bookkeeping; re-sync rows arrive through resync()
            }
            counters.received.increment();
            PbxEvent translated = translator.translate(event);
            if (translated != null) {
                hand(translated);
            }
        }

        private void hand(PbxEvent event) {
            if (!queue.offer(event)) {
                counters.dropped.increment();
                if (!resyncNeeded.getAndSet(true)) {
                    log.error("capture queue full ({} events): an event was dropped; will re-sync live channels",
                            queue.size());
                }
            }
        }

        void close() {
            active.set(false);
            connection.removeEventListener(this);
            try {
                connection.logoff();
            } catch (Exception e) {
                log.debug("logoff of a failed AMI session: {}", e.toString());
            }
            if (up) {
                connected = false;
                counters.disconnects.incrementAndGet();
                hand(new PbxEvent.LinkDown(EventTime.arrival(clock.instant()),
                        lost.get() ? "connection lost" : running.get() ? "PBX not answering" : "link closed"));
            }
        }
    }

    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            return;
        }
        Thread t = supervisor;
        if (t != null) {
            try {
                // The supervisor notices within 50 ms, or when a pending action times out.
                t.join(settings.actionTimeout().toMillis() * 2 + 1000);
                if (t.isAlive()) {
                    t.interrupt();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
