package net.outageherald.schedule;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.quartz.DisallowConcurrentExecution;
import org.quartz.InterruptableJob;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobExecutionContext;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs our {@link Job}s with Quartz: one at a time per job, a run that throws is logged and the next
 * run happens as planned. Records when it started and when each job last finished or failed, on its
 * clock, for health checks. In memory by default; {@link #clustered} keeps the jobs in PostgreSQL, where
 * each fires once across every instance sharing the database (see {@link ClusteredStore}).
 */
public final class Scheduler implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

    private final org.quartz.Scheduler quartz;
    private final Clock clock;
    private volatile Instant startedAt;
    private final Map<String, Instant> lastFinished = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastFailed = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    /** Our jobs by name: a JDBC store keeps only names and classes, so each instance runs its own object. */
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final boolean persistent;
    private volatile Thread stopping;

    public Scheduler() {
        this(Clock.systemUTC());
    }

    /** A scheduler that fires on real time but stamps starts and finishes with {@code clock}; jobs in memory. */
    public Scheduler(Clock clock) {
        this(clock, ClusteredStore.inMemory(), false);
    }

    /**
     * A scheduler whose jobs live in PostgreSQL (Quartz's tables, created by our migrations), shared with
     * every instance on the same database: each run happens on one of them, and the runs of an instance
     * that stops checking in move to a survivor within {@code checkin} and Quartz's 7.5 s allowance.
     */
    public static Scheduler clustered(Clock clock, DataSource dataSource, Duration checkin) {
        return new Scheduler(clock, ClusteredStore.postgres(dataSource, checkin), true);
    }

    private Scheduler(Clock clock, Properties store, boolean persistent) {
        this.clock = clock;
        this.persistent = persistent;
        Properties p = new Properties();
        p.setProperty("org.quartz.threadPool.threadCount", "3");
        p.setProperty("org.quartz.scheduler.skipUpdateCheck", "true");
        // a Quartz thread stuck on a lost database must not keep the process alive after the stop
        p.setProperty("org.quartz.scheduler.makeSchedulerThreadDaemon", "true");
        p.setProperty("org.quartz.threadPool.makeThreadsDaemons", "true");
        p.putAll(store);
        quartz = ClusteredStore.create(p);
        try {
            quartz.setJobFactory((bundle, ignored) -> new QuartzAdapter(this, jobs.getOrDefault(
                    bundle.getJobDetail().getKey().getName(), new Unknown(bundle.getJobDetail().getKey().getName()))));
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot set up the scheduler: " + e.getMessage(), e);
        }
    }

    /** Whether runs are shared with other instances through the database. */
    public boolean clustered() {
        return persistent;
    }

    /**
     * Runs the job every {@code interval}, the first time after {@code initialDelay}. In the shared store a
     * job another instance already scheduled at the same interval keeps its timing.
     */
    public void every(Job job, Duration interval, Duration initialDelay) {
        jobs.put(job.name(), job);
        long millis = Math.max(1000, interval.toMillis());
        JobDetail detail = JobBuilder.newJob(QuartzAdapter.class).withIdentity(job.name()).storeDurably().build();
        Trigger trigger = TriggerBuilder.newTrigger().withIdentity(job.name() + "-trigger").forJob(detail)
                .startAt(java.util.Date.from(Instant.now().plus(initialDelay)))
                .withSchedule(SimpleScheduleBuilder.simpleSchedule()
                        .withIntervalInMilliseconds(millis)
                        .repeatForever()
                        .withMisfireHandlingInstructionNextWithRemainingCount())
                .build();
        try {
            if (persistent && quartz.getTrigger(trigger.getKey()) instanceof org.quartz.SimpleTrigger existing
                    && existing.getRepeatInterval() == millis) {
                return; // scheduled by an instance before us (or our own previous run): its timing stands
            }
            quartz.scheduleJob(detail, java.util.Set.of(trigger), true);
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot schedule " + job.name() + ": " + e.getMessage(), e);
        }
    }

    /** Runs a scheduled job once now, besides its schedule (still one run at a time). */
    public void runNow(String jobName) {
        try {
            quartz.triggerJob(org.quartz.JobKey.jobKey(jobName));
        } catch (SchedulerException e) {
            LOG.warn("cannot run {} now: {}", jobName, e.getMessage());
        }
    }

    public void start() {
        try {
            quartz.start();
            startedAt = clock.instant();
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot start the scheduler: " + e.getMessage(), e);
        }
    }

    public boolean running() {
        try {
            return quartz.isStarted() && !quartz.isShutdown() && !quartz.isInStandbyMode();
        } catch (SchedulerException e) {
            return false;
        }
    }

    /** When {@link #start()} was called; empty before. */
    public Optional<Instant> startedAt() {
        return Optional.ofNullable(startedAt);
    }

    public Optional<Instant> lastFinished(String jobName) {
        return Optional.ofNullable(lastFinished.get(jobName));
    }

    public Optional<Instant> lastFailed(String jobName) {
        return Optional.ofNullable(lastFailed.get(jobName));
    }

    /** Stops firing new runs and interrupts those in progress, which end soon after (see {@link #awaitIdle}). */
    public void stopFiring() {
        try {
            if (!quartz.isShutdown() && stopping == null) {
                for (JobExecutionContext running : quartz.getCurrentlyExecutingJobs()) {
                    quartz.interrupt(running.getJobDetail().getKey());
                }
                if (!persistent) {
                    quartz.shutdown(false);
                    return;
                }
                // the shared store's threads must be done with the database before the pool closes, but a database
                // gone for good keeps Quartz retrying: wait for them in awaitIdle, within its timeout
                Thread t = new Thread(() -> {
                    try {
                        quartz.shutdown(true);
                    } catch (SchedulerException e) {
                        LOG.warn("the shared scheduler did not stop cleanly: {}", e.getMessage());
                    }
                }, "herald-scheduler-stop");
                t.setDaemon(true);
                stopping = t;
                t.start();
            }
        } catch (SchedulerException e) {
            LOG.warn("scheduler did not stop cleanly: {}", e.getMessage());
        }
    }

    /** Waits until no job runs (and, for the shared store, Quartz has let go of the database), at most {@code timeout}. */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (running) {
            while (running.get() > 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                running.wait(Math.max(1, left / 1_000_000));
            }
        }
        Thread t = stopping;
        if (t != null) {
            t.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            return !t.isAlive();
        }
        return true;
    }

    /** Stops firing and waits for running jobs to end. */
    @Override
    public void close() {
        stopFiring();
        try {
            if (!awaitIdle(Duration.ofSeconds(30))) {
                LOG.warn("a job was still running after 30 s at shutdown");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void runGuarded(Job job) {
        running.incrementAndGet();
        try {
            job.run();
            lastFinished.put(job.name(), clock.instant());
        } catch (InterruptedException e) {
            LOG.info("{} was interrupted (shutting down)", job.name());
        } catch (Throwable t) { // a failing run must never stop the schedule
            lastFailed.put(job.name(), clock.instant());
            LOG.error("{} failed: {}", job.name(), t.toString(), t);
        } finally {
            synchronized (running) {
                running.decrementAndGet();
                running.notifyAll();
            }
        }
    }

    /**
     * A job in the shared store that this instance does not know (left by another version): it is skipped
     * here, not failed, since a failed start would put its trigger in Quartz's error state for every instance.
     */
    private record Unknown(String name) implements Job {
        @Override
        public void run() {
            LOG.warn("the shared schedule holds a job {} that this version does not know; skipped", name);
        }
    }

    /** The Quartz job that calls ours; Quartz stores its class, our job factory gives each run its object. */
    @DisallowConcurrentExecution
    public static final class QuartzAdapter implements InterruptableJob {

        private final Scheduler scheduler;
        private final Job job;
        private volatile Thread runner;

        QuartzAdapter(Scheduler scheduler, Job job) {
            this.scheduler = scheduler;
            this.job = job;
        }

        @Override
        public void execute(JobExecutionContext context) {
            runner = Thread.currentThread();
            try {
                scheduler.runGuarded(job);
            } finally {
                runner = null;
                Thread.interrupted(); // a stop's interrupt must not leak into Quartz's next use of the thread
            }
        }

        @Override
        public void interrupt() {
            Thread t = runner;
            if (t != null) {
                t.interrupt();
            }
        }
    }
}
