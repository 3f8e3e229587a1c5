package org.switchboard.core.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.api.ApiRoutes;
import org.switchboard.core.config.SwitchboardConfig;
import org.switchboard.core.metrics.application.LiveBoard;
import org.switchboard.core.metrics.application.MetricsDesk;
import org.switchboard.core.metrics.application.MetricsRecorder;
import org.switchboard.core.metrics.infrastructure.MeasurementRepository;
import org.switchboard.core.metrics.web.MetricsRoutes;
import org.switchboard.core.storage.Database;

import java.time.Clock;
import java.time.LocalDate;

/**
 * Answer speed, assembled: the live board (phones ringing now, today's service level, alarms for the console),
 * the recorder that measures each stored call offered to staff, the report desk and their routes.
 */
public final class Metrics implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Metrics.class);

    private final SwitchboardConfig config;
    private final Clock clock;
    private final LiveBoard board;
    private final MeasurementRepository measurements;
    private final MetricsRecorder recorder;
    private final MetricsDesk desk;

    private Metrics(SwitchboardConfig config, Database db, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.board = new LiveBoard(config.directory());
        this.measurements = new MeasurementRepository(db.dsl());
        this.recorder = MetricsRecorder.forConfig(config, measurements, board);
        this.desk = new MetricsDesk(config, db, clock);
    }

    public static Metrics assemble(SwitchboardConfig config, Database db, Clock clock) {
        return new Metrics(config, db, clock);
    }

    /** Today's board from what is stored, and the calls an earlier run stored but did not measure. */
    public void start() {
        LocalDate today = config.metrics().shifts().businessDay(clock.instant(), config.hotelZone());
        board.startDay(today, measurements.find(today, today, null, false));
        int measured = recorder.measureMissing();
        if (measured > 0) {
            log.info("measured answer speed of {} stored call(s) not measured yet", measured);
        }
    }

    public LiveBoard board() {
        return board;
    }

    public MetricsRecorder recorder() {
        return recorder;
    }

    public ApiRoutes routes() {
        return new MetricsRoutes(desk, board, clock, config.hotelZone());
    }

    @Override
    public void close() {
        recorder.close();
    }
}
