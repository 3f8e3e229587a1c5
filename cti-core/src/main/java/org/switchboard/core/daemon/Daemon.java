package org.switchboard.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.api.HttpApiServer;
import org.switchboard.core.api.RouteTable;
import org.switchboard.core.auth.Auth;
import org.switchboard.core.calls.Capture;
import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.folio.Folios;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.logging.AmiNoiseFilter;
import org.switchboard.core.metrics.Metrics;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.rating.Rating;
import org.switchboard.core.rating.application.PricingRetry;
import org.switchboard.core.records.CdrConfirmation;
import org.switchboard.core.records.Records;
import org.switchboard.core.stays.Stays;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.storage.Database;
import org.switchboard.core.wakeup.Wakeups;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The daemon, assembled in this one place, for {@code run}, the demo, the benchmarks and the tests alike. Each
 * capability wires its own inside ({@code Wakeups.assemble}, {@code Folios.assemble} …); here they are joined:
 * capture's PBX events go to the live board, the class of service and the wake-up caller; each stored call is
 * measured, rated and posted; the HTTP API serves every capability's routes.
 */
public final class Daemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Daemon.class);

    private final SwitchboardConfig config;
    private final Database db;
    private final Clock clock;
    private final Capture capture;
    private final Rating rating;
    /** How often the running daemon prices stored outbound calls whose charge write failed. */
    static final java.time.Duration PRICING_RETRY = java.time.Duration.ofSeconds(10);
    private final PricingRetry pricingRetry;
    private final Metrics metrics;
    private final Wakeups wakeups;
    private final Folios folios;
    private final Auth auth;
    private final StayDesk stayDesk;
    private final Stays stays;
    private final List<Runnable> stayChangeListeners = new CopyOnWriteArrayList<>();
    private HttpApiServer api;
    /** The CDR store confirming guessed calls later (null without one). */
    private final CdrConfirmation confirmation;

    private Daemon(SwitchboardConfig config, AmiSettings ami, Database db, Clock clock) {
        this.config = config;
        this.db = db;
        this.clock = clock;
        this.capture = Capture.assemble(config, ami, db, clock);
        this.rating = Rating.assemble(config, db, clock);
        this.pricingRetry = rating.retryEvery(PRICING_RETRY);
        this.confirmation = capture.cdr() == null ? null
                : new CdrConfirmation(db, capture.cdr(), rating.charges(), config.hotelZone(), clock);
        this.metrics = Metrics.assemble(config, db, clock);
        this.stays = Stays.assemble(config, db, clock);
        LiveBoard board = metrics.board();
        this.wakeups = Wakeups.assemble(config, db, clock, capture.link(), board::announce, stays.occupancy(),
                capture.cdr());
        this.folios = Folios.assemble(config, db, clock, capture.link(), board::announce);
        this.stayDesk = stays.desk(wakeups.followingGuests());
        this.auth = Auth.assemble(config, db, clock);
        CaptureService calls = capture.service();
        calls.addObserver(board::observe);
        calls.addObserver(folios.classOfService()::observe);
        calls.addObserver(wakeups.caller()::observe);
        calls.addListener(stored -> stored.forEach(c -> metrics.recorder().stored(c.callId(), c.call())));
        calls.addListener(stored -> {
            if (rating.stored(stored) > 0) {
                folios.services().poster().nudge();
            }
        });
    }

    /** Builds every capability on {@code db}, talking to the PBX at {@code ami}; nothing runs until {@link #start}. */
    public static Daemon assemble(SwitchboardConfig config, AmiSettings ami, Database db, Clock clock) {
        return new Daemon(config, ami, db, clock);
    }

    /** Catches up on what an earlier run left (unrated, unmeasured, unposted), then captures, calls and syncs. */
    public void start() {
        int missing = rating.charges().rateMissing();
        if (missing > 0) {
            log.info("rated {} stored outbound call(s) that had no charge yet", missing);
        }
        pricingRetry.start();
        if (confirmation != null) {
            confirmation.start();
        }
        metrics.start();
        folios.start();
        capture.stalls().start();
        capture.service().start();
        capture.link().start();
        wakeups.caller().start();
        folios.startClassOfService();
        log.info("capture started; folio posting running; wake-up calls armed");
    }

    /** Every capability's part of the HTTP API. */
    public List<ApiRoutes> routes() {
        return List.of(Records.routes(config, db, clock), metrics.routes(), wakeups.routes(),
                stays.routes(stayDesk, this::classOfServiceChanged), folios.routes(this::classOfServiceChanged),
                auth.routes());
    }

    /** Starts the console and API on the configured host (TLS when configured) and {@code port}; returns the bound port. */
    public int serveApi(int port) throws InterruptedException {
        var http = config.http();
        var tls = http.tls() ? HttpApiServer.tlsFromKeystore(http.tlsKeystore(), http.tlsPassword().toCharArray()) : null;
        auth.warnIfNoUsers();
        api = new HttpApiServer(auth.access(), tls);
        return api.start(http.host(), port, routes());
    }

    /** What {@link #serveApi} serves, every route in one table (for the OpenAPI check). */
    public RouteTable servedRoutes() {
        return api.table();
    }

    public CaptureService capture() {
        return capture.service();
    }

    public AmiLink link() {
        return capture.link();
    }

    public LiveBoard liveBoard() {
        return metrics.board();
    }

    public WakeupDesk wakeupDesk() {
        return wakeups.desk();
    }

    public FolioServices folios() {
        return folios.services();
    }

    /** The front-office desk: a check-out cancels the room's wake-ups, a move books them for the new room. */
    public StayDesk stayDesk() {
        return stayDesk;
    }

    /** Also tells {@code listener} after each change to a stay or credit bar made through the API. */
    public void onStayChange(Runnable listener) {
        stayChangeListeners.add(listener);
    }

    /** Applies class-of-service changes at once (after a check-in, check-out, move or lifted bar). */
    public void classOfServiceChanged() {
        folios.classOfService().nudge();
        stayChangeListeners.forEach(Runnable::run);
    }

    @Override
    public void close() {
        if (api != null) {
            api.close();
        }
        folios.closeClassOfService();
        wakeups.close();
        capture.link().close();
        capture.service().close();
        capture.stalls().close();
        pricingRetry.close();
        if (confirmation != null) {
            confirmation.close();
        }
        folios.close();
        metrics.close();
        log.info("capture stopped: {} calls stored, {} duplicates skipped; link {}", capture.service().storedCalls(),
                capture.service().duplicateCalls(), capture.link().counters());
        if (!AmiNoiseFilter.counts().isEmpty()) {
            log.info("unknown AMI input ignored: {}", AmiNoiseFilter.counts());
        }
    }
}
