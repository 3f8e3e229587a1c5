package org.switchboard.core.wakeup.infrastructure;

import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDataMap;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.JobExecutionException;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.SchedulerRepository;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.utils.ConnectionProvider;
import org.quartz.utils.DBConnectionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.switchboard.core.wakeup.application.WakeupTimers;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Properties;

/**
 * Wake-up timers in Quartz with its JDBC job store (tables QRTZ_* made by our migrations), on the
 * daemon's own connection pool. One trigger per call, named after it; a trigger missed while the
 * daemon was down fires at once (misfire "fire now") and the wake-up service decides from how late
 * it is whether to place or escalate the call.
 * <p>Quartz keeps time by the system clock. The daemon's clock may be set apart from it (tests, the
 * demo), so trigger times are moved by the difference between the two clocks when set.
 * <p>The scheduler's name (its rows' SCHED_NAME) is made from the database's name, so that the daemon
 * and the CLI share the timers of one database and tests with separate databases do not collide.
 */
public final class QuartzWakeupTimers implements WakeupTimers {

    private static final Logger log = LoggerFactory.getLogger(QuartzWakeupTimers.class);
    private static final String GROUP = "wakeup";
    private static final JobKey JOB = JobKey.jobKey("wakeup-due", GROUP);
    static final String HANDLER = "wakeup.dueHandler";

    private final Scheduler scheduler;
    private final boolean owned;
    private final Clock clock;

    private QuartzWakeupTimers(Scheduler scheduler, boolean owned, Clock clock) {
        this.scheduler = scheduler;
        this.owned = owned;
        this.clock = clock;
    }

    /** Opens the timers of the database behind {@code dataSource} (not firing until {@link #start}). */
    public static QuartzWakeupTimers open(DataSource dataSource, Clock clock) {
        String name = "switchboard-" + databaseName(dataSource);
        try {
            Scheduler existing = SchedulerRepository.getInstance().lookup(name);
            if (existing != null && !existing.isShutdown()) {
                return new QuartzWakeupTimers(existing, false, clock); // same database, same JVM
            }
            DBConnectionManager.getInstance().addConnectionProvider(name, new PoolProvider(dataSource));
            Properties p = new Properties();
            p.setProperty("org.quartz.scheduler.instanceName", name);
            p.setProperty("org.quartz.scheduler.instanceId", "switchboard");
            p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
            p.setProperty("org.quartz.scheduler.idleWaitTime", "1000"); // sees timers set by the CLI within a second
            p.setProperty("org.quartz.threadPool.class", "org.quartz.simpl.SimpleThreadPool");
            p.setProperty("org.quartz.threadPool.threadCount", "2");
            p.setProperty("org.quartz.threadPool.threadNamePrefix", "wakeup-timer");
            p.setProperty("org.quartz.jobStore.class", "org.quartz.impl.jdbcjobstore.JobStoreTX");
            p.setProperty("org.quartz.jobStore.driverDelegateClass", "org.quartz.impl.jdbcjobstore.StdJDBCDelegate");
            p.setProperty("org.quartz.jobStore.dataSource", name);
            p.setProperty("org.quartz.jobStore.tablePrefix", "QRTZ_");
            p.setProperty("org.quartz.jobStore.misfireThreshold", "5000");
            Scheduler s = new StdSchedulerFactory(p).getScheduler();
            if (!s.checkExists(JOB)) {
                s.addJob(dueJob(), true);
            }
            return new QuartzWakeupTimers(s, true, clock);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot open the wake-up timers (Quartz): " + e.getMessage(), e);
        }
    }

    private static String databaseName(DataSource ds) {
        try (Connection c = ds.getConnection()) {
            String catalog = c.getCatalog();
            return catalog == null ? "default" : catalog;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database: " + e.getMessage(), e);
        }
    }

    @Override
    public void schedule(long callId, int attemptNo, Instant at) {
        Trigger trigger = trigger(callId, attemptNo, at, Duration.between(Instant.now(), clock.instant()));
        try {
            if (scheduler.checkExists(key(callId))) {
                scheduler.rescheduleJob(key(callId), trigger);
            } else {
                scheduler.scheduleJob(trigger);
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set the wake-up timer of call " + callId + ": " + e.getMessage(), e);
        }
    }

    /** All in one Quartz transaction: a group of 300 rooms costs one commit, not 300. */
    @Override
    public void scheduleFirstAttempts(java.util.Map<Long, Instant> due) {
        if (due.isEmpty()) {
            return;
        }
        Duration skew = Duration.between(Instant.now(), clock.instant());
        java.util.Set<Trigger> triggers = new java.util.HashSet<>();
        due.forEach((callId, at) -> triggers.add(trigger(callId, 1, at, skew)));
        try {
            scheduler.scheduleJobs(java.util.Map.of(dueJob(), triggers), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set " + due.size() + " wake-up timers: " + e.getMessage(), e);
        }
    }

    private static Trigger trigger(long callId, int attemptNo, Instant at, Duration skew) {
        JobDataMap data = new JobDataMap();
        data.put("callId", callId);
        data.put("attemptNo", attemptNo);
        data.put("dueAt", at.toEpochMilli());
        return TriggerBuilder.newTrigger().withIdentity(key(callId)).forJob(JOB).usingJobData(data)
                .startAt(Date.from(at.minus(skew)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule().withMisfireHandlingInstructionFireNow())
                .build();
    }

    private static JobDetail dueJob() {
        return JobBuilder.newJob(DueJob.class).withIdentity(JOB).storeDurably().build();
    }

    @Override
    public void cancel(long callId) {
        try {
            scheduler.unscheduleJob(key(callId));
        } catch (SchedulerException e) {
            log.warn("cannot remove the timer of wake-up call {} (it will find the call cancelled): {}", callId,
                    e.getMessage());
        }
    }

    @Override
    public boolean isScheduled(long callId, int attemptNo) {
        try {
            Trigger t = scheduler.getTrigger(key(callId));
            return t != null && t.getJobDataMap().getInt("attemptNo") == attemptNo;
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the wake-up timers: " + e.getMessage(), e);
        }
    }

    @Override
    public void start(DueHandler handler) {
        try {
            scheduler.getContext().put(HANDLER, handler);
            scheduler.start();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the wake-up timers: " + e.getMessage(), e);
        }
    }

    private static TriggerKey key(long callId) {
        return TriggerKey.triggerKey("call-" + callId, GROUP);
    }

    @Override
    public void close() {
        if (!owned) {
            return;
        }
        try {
            scheduler.shutdown(true);
        } catch (SchedulerException e) {
            log.warn("stopping the wake-up timers: {}", e.getMessage());
        }
    }

    /** Runs when a trigger fires: hands the call to the daemon's wake-up service. */
    public static final class DueJob implements Job {
        @Override
        public void execute(JobExecutionContext context) throws JobExecutionException {
            JobDataMap data = context.getMergedJobDataMap();
            try {
                DueHandler handler = (DueHandler) context.getScheduler().getContext().get(HANDLER);
                handler.due(data.getLong("callId"), data.getInt("attemptNo"), Instant.ofEpochMilli(data.getLong("dueAt")));
            } catch (SchedulerException | RuntimeException e) {
                // Not refired here: the call keeps its pending attempt in wakeup_calls and the service sets the timer again.
                throw new JobExecutionException("wake-up call " + data.getLong("callId") + ": " + e.getMessage(), e, false);
            }
        }
    }

    /** Quartz borrows connections from the daemon's pool. */
    private record PoolProvider(DataSource dataSource) implements ConnectionProvider {
        @Override
        public Connection getConnection() throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void shutdown() {
        }

        @Override
        public void initialize() {
        }
    }
}
