package org.switchboard.pbx.ami;

import org.asteriskjava.manager.AuthenticationFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.pbx.ami.stream.StreamCounters;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The daemon's link to Asterisk, kept up by one supervisor thread. A link is two AMI sessions: the
 * {@link EventStream} on Netty carries every event (framed with limits, MD5 login, re-sync, pings, backpressure:
 * it pauses the socket rather than drop an event, and skips what it cannot parse without ending), and a
 * {@link CommandSession} on asterisk-java, logged in with {@code Events: off}, sends Originate, DBPut and Ping.
 * The split keeps asterisk-java for its typed actions while no event ever reaches its reader (where one bad
 * event used to kill the link). Both come up together (retrying with back-off and jitter, also when the PBX is
 * down at start-up); when either fails both are ended, and the next link starts only after the old event
 * session's handlers are gone. Neither Netty nor asterisk-java types leave this package.
 */
public final class AmiLink implements AutoCloseable, Originator, AstDbWriter {

    private static final Logger log = LoggerFactory.getLogger(AmiLink.class);

    private final AmiSettings settings;
    private final LinkCounters counters;
    private final EventStream events;
    private final Backoff backoff;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicInteger sessions = new AtomicInteger();
    private volatile boolean connected;
    private volatile Thread supervisor;
    private volatile CommandSession current;

    public AmiLink(AmiSettings settings, PbxEventQueue queue, Clock clock) {
        this.settings = settings;
        StreamCounters stream = new StreamCounters();
        this.counters = new LinkCounters(stream);
        this.events = new EventStream(settings, queue, clock, stream);
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
            CommandSession commands = new CommandSession(settings);
            EventStream.Session session = null;
            String ended = "link closed";
            try {
                commands.open();
                int n = sessions.incrementAndGet();
                session = events.open(n);
                current = commands;
                connected = true;
                counters.logins.incrementAndGet();
                backoff.reset();
                log.info("AMI logged in to {}:{} as '{}' (session {})", settings.host(), settings.port(),
                        settings.username(), n);
                ended = watch(commands, session);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (AuthenticationFailedException | EventStream.LoginRefused e) {
                log.error("AMI login refused for user '{}' at {}:{} ({}): check username and secret in the configuration",
                        settings.username(), settings.host(), settings.port(), e.getMessage());
            } catch (Exception e) {
                log.warn("AMI link to {}:{} failed: {}", settings.host(), settings.port(), e.toString());
                ended = e.toString();
            } finally {
                current = null;
                connected = false;
                if (session != null) {
                    events.end(session, ended);
                    counters.disconnects.incrementAndGet();
                }
                commands.close();
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

    /** Returns why the link ended: the event session ended, the command session stopped answering, or we close. */
    private String watch(CommandSession commands, EventStream.Session session) throws Exception {
        long nextPing = System.nanoTime() + settings.pingInterval().toNanos();
        while (running.get()) {
            if (!session.channel().isActive()) {
                String why = session.handler().closeReason();
                log.warn("AMI event session to {}:{} ended: {}", settings.host(), settings.port(),
                        why == null ? "the PBX closed the connection" : why);
                return why == null ? "connection lost" : why;
            }
            if (System.nanoTime() >= nextPing) {
                commands.ping();
                nextPing = System.nanoTime() + settings.pingInterval().toNanos();
            }
            Thread.sleep(50);
        }
        return "link closed";
    }

    @Override
    public void originate(OriginateRequest request, Consumer<String> refused) {
        CommandSession s = current;
        if (s == null || !connected) {
            refused.accept("PBX link is down");
            return;
        }
        s.originate(request, refused);
    }

    @Override
    public void put(String family, String key, String value, Consumer<String> outcome) {
        CommandSession s = current;
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

    @Override
    public void close() {
        if (!running.compareAndSet(true, false)) {
            events.close();
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
        events.close();
    }
}
