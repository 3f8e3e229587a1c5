package org.switchboard.core.daemon;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.calls.application.CaptureService;
import org.switchboard.core.calls.infrastructure.CallRepository;
import org.switchboard.core.calls.model.CallAssembler;
import org.switchboard.core.calls.model.CallSummarizer;
import org.switchboard.billing.rating.Rater;
import org.switchboard.core.calls.model.CallDirection;
import org.switchboard.core.rating.application.ChargeService;
import org.switchboard.core.rating.infrastructure.ChargeRepository;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsRecorder;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.storage.Database;
import org.switchboard.pbx.ami.AmiLink;
import org.switchboard.pbx.ami.AmiSettings;
import org.switchboard.pbx.ami.PbxEventQueue;

import org.switchboard.core.wakeup.application.WakeupCaller;
import org.switchboard.core.wakeup.application.WakeupDesk;
import org.switchboard.core.wakeup.application.WakeupTimers;
import org.switchboard.core.wakeup.infrastructure.QuartzWakeupTimers;
import org.switchboard.core.wakeup.infrastructure.WakeupRepository;

import org.switchboard.core.folio.application.ClassOfServiceSync;
import org.switchboard.core.folio.application.FolioServices;
import org.switchboard.core.folio.infrastructure.CosBook;
import org.switchboard.core.folio.infrastructure.CreditBook;
import org.switchboard.core.stays.application.StayDesk;
import org.switchboard.core.stays.infrastructure.StayRepository;

import java.time.Clock;

/**
 * Wires the capture path: AMI link → bounded queue → call assembler → MariaDB; prices each stored
 * outbound call, measures the answer speed of calls offered to staff, keeps the live board, and places
 * the wake-up calls that operators book.
 */
public final class CaptureDaemon implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CaptureDaemon.class);

    private final AmiLink link;
    private final CaptureService capture;
    private final ChargeService charges;
    private final LiveBoard board;
    private final MetricsRecorder metrics;
    private final MeasurementRepository measurements;
    private final SwitchboardConfig config;
    private final Clock clock;
    private final Database db;
    private final WakeupTimers wakeupTimers;
    private final WakeupCaller wakeups;
    private final FolioServices folios;
    private final ClassOfServiceSync classOfService;

    public CaptureDaemon(SwitchboardConfig config, AmiSettings ami, Database db, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.db = db;
        PbxEventQueue queue = new PbxEventQueue(ami.queueCapacity());
        CallAssembler assembler = new CallAssembler(new CallSummarizer(config.directory(), config.hotelZone()),
                config.cdrGrace());
        this.capture = new CaptureService(queue, assembler, new CallRepository(db.dsl()), clock);
        this.link = new AmiLink(ami, queue, clock);
        this.charges = new ChargeService(new Rater(config.tariffs()), new ChargeRepository(db.dsl()),
                config.hotelZone(), clock);
        this.board = new LiveBoard(config.directory());
        this.measurements = new MeasurementRepository(db.dsl());
        this.metrics = MetricsRecorder.forConfig(config, measurements, board);
        this.wakeupTimers = QuartzWakeupTimers.open(db.dataSource(), clock);
        this.wakeups = new WakeupCaller(new WakeupRepository(db.dsl()), wakeupTimers, link, config.wakeup(),
                config.hotelZone(), clock, board::announce);
        this.folios = FolioServices.on(db, config, clock);
        this.classOfService = new ClassOfServiceSync(new StayRepository(db.dsl()), new CreditBook(db.dsl()),
                new CosBook(db.dsl()), config.directory(), link, config.folio().cosFamily(), clock, board::announce);
        capture.addObserver(board::observe);
        capture.addObserver(classOfService::observe);
        capture.addObserver(wakeups::observe);
        capture.addListener(metrics::stored);
        capture.addListener((id, call) -> {
            if (call.direction() == CallDirection.OUTBOUND) {
                charges.rate(new ChargeRepository.ChargeableCall(id, call.extension(), call.calleeNumber(),
                        call.startedAt(), call.talk(), call.trunk()), org.switchboard.billing.audit.AuditLine.Cause.CAPTURED);
                folios.poster().nudge();
            }
        });
    }

    public void start() {
        int missing = charges.rateMissing();
        if (missing > 0) {
            log.info("rated {} stored outbound call(s) that had no charge yet", missing);
        }
        java.time.LocalDate today = config.metrics().shifts().businessDay(clock.instant(), config.hotelZone());
        board.startDay(today, measurements.find(today, today, null, false));
        int measured = metrics.measureMissing();
        if (measured > 0) {
            log.info("measured answer speed of {} stored call(s) not measured yet", measured);
        }
        int posted = folios.poster().postPending();
        if (posted > 0) {
            log.info("posted {} charge(s) left in the posting outbox by an earlier run", posted);
        }
        folios.poster().start();
        capture.start();
        link.start();
        wakeups.start();
        classOfService.start();
        log.info("capture started; folio posting running; wake-up calls armed");
    }

    public CaptureService capture() {
        return capture;
    }

    public AmiLink link() {
        return link;
    }

    public LiveBoard liveBoard() {
        return board;
    }

    /** The operator's wake-up desk on this daemon's timers (bookings set timers at once). */
    public WakeupDesk wakeupDesk() {
        return WakeupDesk.on(db, wakeupTimers, config, clock);
    }

    /** The folio desk, night audit and poster on this daemon's database. */
    public FolioServices folios() {
        return folios;
    }

    /**
     * The front-office desk on this daemon: a check-out cancels the emptied room's wake-ups, a move books
     * them for the new room (the class of service follows within a second, or at once via {@link #classOfServiceChanged}).
     */
    public StayDesk stayDesk() {
        WakeupDesk wakeupDesk = wakeupDesk();
        return new StayDesk(new StayRepository(db.dsl()), config.directory(), clock,
                WakeupDesk.followingGuests(action -> action.accept(wakeupDesk), log::info));
    }

    /** Applies class-of-service changes at once (after a check-in, check-out, move or lifted bar). */
    public void classOfServiceChanged() {
        classOfService.nudge();
    }

    @Override
    public void close() {
        classOfService.close();
        wakeups.close();
        link.close();
        capture.close();
        folios.poster().close();
        metrics.close();
        log.info("capture stopped: {} calls stored, {} duplicates skipped; link {}", capture.storedCalls(),
                capture.duplicateCalls(), link.counters());
        if (!org.switchboard.core.logging.AmiNoiseFilter.counts().isEmpty()) {
            log.info("unknown AMI input ignored: {}", org.switchboard.core.logging.AmiNoiseFilter.counts());
        }
    }
}
