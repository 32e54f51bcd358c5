package io.gatewaylog.core.internal.retention;

import io.gatewaylog.api.LogRecord;
import io.gatewaylog.api.spi.ArchiveCatalog;
import io.gatewaylog.api.spi.Measurement;
import io.gatewaylog.api.spi.Reporter;
import io.gatewaylog.api.spi.Settings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The backend's retention job: the daily sweep (once at start-up, then every day at
 * {@code retention.time} in the clock's zone) and the emergency check (every
 * {@code retention.emergency.interval}), on one daemon thread, which also enforces each sink's
 * {@code backups} limit when the sink reports a change ({@link ArchiveCatalog#onArchivesChanged}):
 * the one thread that deletes archives. The backups limit is the sink's, so it holds with
 * {@code retention.enabled=false} too: then the thread only prunes (and there is none if no catalog
 * has such a limit).
 *
 * <p>What is due is decided from the {@link Clock} alone: the thread wakes at the earlier of the two
 * due times (and at least every emergency interval), then calls {@link #tick()}, which runs whatever is
 * due. Tests drive {@link #tick()} with their own clock and no thread; a wall clock that jumps is
 * handled on the next wake-up.
 */
public final class RetentionJob implements AutoCloseable {
    private static final Duration MAX_DAILY_WAIT = Duration.ofDays(1).plusHours(2);

    private final RetentionSettings settings;
    private final List<ArchiveCatalog> catalogs;
    private final Reporter reporter;
    private final Clock clock;
    private final RetentionCounters counters;
    private final RetentionSweep sweep;
    private final EmergencyCleanup emergency;
    private final DailySchedule schedule;
    private final BackupPruning pruning;
    /** Queues pruning when a sink reports a change. */
    private final PruneQueue pruneQueue;

    private ScheduledExecutorService executor; // null when driven by hand (tests) or disabled
    private Instant nextDaily;
    private Instant nextEmergency;
    private volatile boolean closed;

    private RetentionJob(
            RetentionSettings settings,
            List<ArchiveCatalog> catalogs,
            Consumer<LogRecord> report,
            Reporter reporter,
            Clock clock,
            DiskUsageProbe probe) {
        this.settings = settings;
        this.catalogs = List.copyOf(catalogs);
        this.reporter = reporter;
        this.clock = clock;
        this.counters = new RetentionCounters(settings.thresholdRatio());
        ArchiveDeleter deleter = new ArchiveDeleter(counters, report, reporter, clock, false, d -> {});
        this.sweep = new RetentionSweep(settings, deleter, reporter);
        this.emergency = new EmergencyCleanup(settings, deleter, probe, reporter, counters);
        this.pruning = new BackupPruning(deleter, reporter);
        this.pruneQueue = new PruneQueue(reporter, this::pruneBackups, () -> closed ? null : executor);
        this.schedule = new DailySchedule(settings.time(), clock.getZone());
        this.nextDaily = clock.instant();
        this.nextEmergency = clock.instant();
    }

    /**
     * Validates the settings and starts the job (unless {@code retention.enabled} is false or there is
     * no catalog; its measurements exist either way).
     *
     * @param catalogs the sinks that implement {@link ArchiveCatalog}
     * @param report submits a system record (each deletion, each emergency)
     * @param reporter the backend's own diagnostics
     * @param clock the time source; its zone is the zone of {@code retention.time}
     * @param probe how full the disk is ({@link DiskUsageProbe#fileStore()})
     * @throws io.gatewaylog.api.spi.InvalidSettingException for an invalid retention setting
     */
    public static RetentionJob start(
            Settings settings,
            List<ArchiveCatalog> catalogs,
            Consumer<LogRecord> report,
            Reporter reporter,
            Clock clock,
            DiskUsageProbe probe) {
        RetentionJob job = create(RetentionSettings.parse(settings), catalogs, report, reporter, clock, probe);
        List<ArchiveSource> limited = ArchiveSource.of(job.catalogs).stream()
                .filter(source -> source.catalog().backups(source.component()).isPresent())
                .toList();
        if (!job.settings.enabled() && limited.isEmpty() || job.catalogs.isEmpty()) {
            return job; // nothing to do: no thread
        }
        job.executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "gateway-log-retention");
            t.setDaemon(true);
            return t;
        });
        for (ArchiveCatalog catalog : job.catalogs) {
            catalog.onArchivesChanged(component -> job.pruneQueue.changed(catalog, component));
        }
        // What the sink left before it could tell us (its start-up, a lowered backups): pruned once now.
        limited.forEach(job.pruneQueue::add);
        if (job.settings.enabled()) {
            job.executor.execute(job::wake);
        }
        return job;
    }

    /** A job without a thread: nothing runs until {@link #tick()} (tests). */
    static RetentionJob create(
            RetentionSettings settings,
            List<ArchiveCatalog> catalogs,
            Consumer<LogRecord> report,
            Reporter reporter,
            Clock clock,
            DiskUsageProbe probe) {
        return new RetentionJob(settings, catalogs, report, reporter, clock, probe);
    }

    /** The settings in effect. */
    public RetentionSettings settings() {
        return settings;
    }

    /** Runs the daily sweep and/or the emergency check if due by the clock. */
    public synchronized void tick() {
        Instant now = clock.instant();
        // A wall clock set back must not postpone the daily run by more than a day.
        if (Duration.between(now, nextDaily).compareTo(MAX_DAILY_WAIT) > 0) {
            nextDaily = schedule.nextAfter(now);
        }
        if (Duration.between(now, nextEmergency).compareTo(settings.emergencyInterval()) > 0) {
            nextEmergency = now;
        }
        if (!now.isBefore(nextDaily)) {
            runDaily();
        }
        if (!now.isBefore(nextEmergency)) {
            checkEmergency();
        }
    }

    /** Runs the daily sweep now and schedules the next one; returns what it deleted. */
    public synchronized List<Deletion> runDaily() {
        Instant now = clock.instant();
        nextDaily = schedule.nextAfter(now); // first, so that a failing sweep does not run again at once
        return sweep.run(ArchiveSource.of(catalogs), now.toEpochMilli());
    }

    /** Runs the emergency check now; returns what it deleted. */
    public synchronized List<Deletion> checkEmergency() {
        nextEmergency = clock.instant().plus(settings.emergencyInterval());
        return emergency.run(ArchiveSource.of(catalogs), line -> {}).deletions();
    }

    /** Prunes {@code source} down to its sink's backups now; returns how many files went. */
    synchronized int pruneBackups(ArchiveSource source) {
        return pruning.run(source);
    }

    /** When the daily sweep is next due. */
    public synchronized Instant nextDailyRun() {
        return nextDaily;
    }

    /** When the emergency check is next due. */
    public synchronized Instant nextEmergencyCheck() {
        return nextEmergency;
    }

    /**
     * {@code gateway.log.retention.deleted.files} and {@code .bytes} (tags component, reason),
     * {@code gateway.log.disk.usage.ratio} and {@code gateway.log.disk.threshold.ratio}.
     */
    public List<Measurement> measurements() {
        return counters.measurements();
    }

    RetentionCounters counters() {
        return counters;
    }

    private void wake() {
        if (closed) {
            return;
        }
        try {
            tick();
        } catch (RuntimeException e) {
            reporter.error("retention: the job failed; it runs again at its next time", e);
        } finally {
            scheduleWake();
        }
    }

    private void scheduleWake() {
        long delay;
        synchronized (this) {
            Instant next = nextDaily.isBefore(nextEmergency) ? nextDaily : nextEmergency;
            delay = Duration.between(clock.instant(), next).toMillis();
        }
        delay = Math.max(1, Math.min(delay, settings.emergencyInterval().toMillis()));
        try {
            if (!closed) {
                executor.schedule(this::wake, delay, TimeUnit.MILLISECONDS);
            }
        } catch (RejectedExecutionException e) {
            // closed meanwhile
        }
    }

    /** Stops the thread, waiting briefly for a pass in progress (deleting is quick). */
    @Override
    public void close() {
        closed = true;
        ScheduledExecutorService e = executor;
        if (e != null) {
            e.shutdownNow();
            try {
                e.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
